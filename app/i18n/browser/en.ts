// What the browser fetches for a reader of English (loadMessages in app/i18n/index.ts).
export { en as messages } from "../messages-en";
