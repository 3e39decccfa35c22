/**
 * A page that is read rather than worked in can go out as HTML and CSS alone: its route exports
 * `handle = { hydrate: false }` (`noHydration`). Such a page carries no React, no loader data and no
 * page messages; GOV.UK Frontend's own script still enhances it as on any GOV.UK page. Its links and
 * forms are plain HTML, so the next page arrives whole, and hydrates if it is one that does.
 */
import { createContext } from "react";

type PageHandle = { hydrate?: boolean };

export const noHydration = { hydrate: false } as const satisfies PageHandle;

/** Whether the page of these matched routes comes to life in the browser: every one of them must allow it. */
export function hydrates(matches: readonly { handle?: unknown }[]): boolean {
  return matches.every((match) => (match.handle as PageHandle | undefined)?.hydrate !== false);
}

/**
 * Whether the page being rendered comes to life in the browser: `app/entry.server.tsx` says so for the
 * page it renders; the root (its scripts) and the links (app/components/link.tsx) follow. In the
 * browser React is running, whatever the page, so it always does.
 */
export const PageHydrates = createContext(true);
