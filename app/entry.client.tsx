import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, loadMessages } from "~/i18n";

// The page is whole without script; it comes to life once the reader's catalogue is here, so the
// browser renders the same words the server did.
const lang = document.documentElement.lang;
void loadMessages(isLocale(lang) ? lang : "en").then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
