import { i18nextEngine } from "./i18next-engine";
import { cy } from "./messages-cy";
import { en } from "./messages-en";

/**
 * Both catalogues, and i18next formatting them, read when app/i18n/index.ts loads. The server has
 * them from the start; the browser's build makes this module empty (vite.config.ts): a page brings
 * the messages it was rendered with, and the browser formats them itself (app/i18n/format.ts).
 */
export const serverCatalogues: { en?: typeof en; cy?: typeof cy } = { en, cy };
export const serverFormat: ReturnType<typeof i18nextEngine> | null = i18nextEngine(serverCatalogues);
