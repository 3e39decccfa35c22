import { cy } from "./messages-cy";
import { en } from "./messages-en";

/**
 * Both catalogues, read when app/i18n/index.ts loads. The server has them from the start; the
 * browser's build makes this module empty (vite.config.ts) and loads only the reader's language.
 */
export const serverCatalogues: { en?: typeof en; cy?: typeof cy } = { en, cy };
