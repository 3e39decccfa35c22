// One way for every action to say what it did: the action redirects with `?done=<outcome>`, and the
// root shows the outcome's sentence in a GOV.UK success banner. Only outcomes in the catalogue are
// shown, so a crafted link cannot put words on the page. A repeated submit that the domain treats as
// a replay redirects to the same place with the same outcome: the user sees the first result.
import { isMessageKey, t, type MessageKey } from "~/i18n";

type DoneKey<K> = K extends `done.${infer Rest}` ? (Rest extends "title" ? never : Rest) : never;
export type Outcome = DoneKey<MessageKey>;

/** The sentence for `?done=` on this URL, or null. */
export function doneMessage(url: URL): string | null {
  const outcome = url.searchParams.get("done");
  const key = `done.${outcome}`;
  return outcome && outcome !== "title" && isMessageKey(key) ? t(key) : null;
}

/** The path to land on after an action, carrying its outcome. */
export function donePath(path: string, outcome: Outcome) {
  const url = new URL(path, "http://app.invalid");
  url.searchParams.delete("confirm");
  url.searchParams.set("done", outcome);
  return `${url.pathname}${url.search}${url.hash}`;
}
