// GOV.UK Frontend's script, as the package builds it (one ES module), served from the app's assets
// under a hashed name: the same file for a page that hydrates and for one that does not, so the
// browser fetches it once.
import govukFrontendUrl from "govuk-frontend/dist/govuk/govuk-frontend.min.js?url";

export function loadGovukFrontend(): Promise<typeof import("govuk-frontend")> {
  return import(/* @vite-ignore */ govukFrontendUrl);
}

/**
 * What a page that does not hydrate runs: the classes GOV.UK's styles expect of a page with script,
 * then every component on the page, error summaries included (which a hydrated page starts itself).
 */
export function enhancementScript() {
  return [
    `import { initAll, ErrorSummary } from ${JSON.stringify(govukFrontendUrl)};`,
    `document.body.classList.add("js-enabled", "govuk-frontend-supported");`,
    `initAll();`,
    `for (const summary of document.querySelectorAll(".govuk-error-summary")) new ErrorSummary(summary);`,
  ].join("\n");
}
