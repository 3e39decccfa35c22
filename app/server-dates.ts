import { dateFormats } from "./date-format";

/** date-fns's formats, from the start on the server; the browser's build makes this module empty (vite.config.ts). */
export const serverDates: typeof dateFormats | null = dateFormats;
