// What the browser fetches for a reader of Welsh (loadMessages in app/i18n/index.ts).
export { cy as messages } from "../messages-cy";
