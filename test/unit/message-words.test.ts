// A message's words are worked out once for each language, key and set of values (app/i18n/index.ts); the
// words stay those of the values asked for, and every page that says a message still carries it to the browser.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { currentRequest, runInLocale } from "~/i18n/request-locale.server";

describe("messages said again", () => {
  it("say the words of the values asked for, in the language asked for, every time", () => {
    for (let time = 0; time < 3; time++) {
      expect(t("collective.live.joined", { count: 1, min: 3 }, "en")).toBe("1 school has joined (at least 3 needed)");
      expect(t("collective.live.joined", { count: 2, min: 3 }, "en")).toBe("2 schools have joined (at least 3 needed)");
      expect(t("collective.live.joined", { count: 2, min: 4 }, "en")).toBe("2 schools have joined (at least 4 needed)");
      expect(t("catalogue.shortlist.which", { title: "Phonics" }, "en")).toBe("– Phonics");
      expect(t("catalogue.shortlist.which", { title: "Fractions" }, "en")).toBe("– Fractions");
      expect(t("catalogue.results.count", { count: 1 }, "en")).toBe("1 offer");
      expect(t("catalogue.results.count", { count: 1 }, "cy")).not.toBe("1 offer");
      expect(t("catalogue.title", undefined, "cy")).not.toBe(t("catalogue.title", undefined, "en"));
      // Long values (a search's words) are said as often as they are asked for.
      const long = "phonics ".repeat(500).trim();
      expect(t("catalogue.results.matching", { q: long }, "en")).toContain(long);
      expect(t("catalogue.results.matching", { q: `${long}!` }, "en")).toContain(`${long}!`);
    }
  });

  it("go with every page that says them, not only the first", () => {
    for (const render of [1, 2, 3]) {
      const said = runInLocale("en", () => {
        const store = currentRequest()!;
        store.rendered = new Set();
        t("catalogue.title");
        t("catalogue.results.count", { count: 20 });
        return [...store.rendered];
      });
      expect(said, `render ${render}`).toEqual(["catalogue.title", "catalogue.results.count"]);
    }
  });
});
