import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadDateFormats } from "~/format";
import { currentLocale, loadMessages } from "~/i18n";

// The page comes to life with the messages it was rendered with (app/i18n/page-messages.server.ts).
// Data fetched for the next render (another page's, a form's answer: Remix's `.data` requests) may
// say anything: the reader's whole catalogue (and date-fns) comes alongside the first of them, and that request
// answers only once both are here. Other requests (the route manifest) need no words.
const fetchPage = window.fetch.bind(window);
const forRender = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input), window.location.href).pathname.endsWith(".data");
window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  forRender(input)
    ? Promise.all([fetchPage(input, init), loadMessages(currentLocale()).catch(() => {}), loadDateFormats().catch(() => {})]).then(([response]) => response)
    : fetchPage(input, init);

// Remix's scripts may run before the page has arrived whole; its messages come at its end.
function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hydrate, { once: true });
else hydrate();
