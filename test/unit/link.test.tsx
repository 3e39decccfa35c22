import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Link } from "~/components/link";
import { PageHydrates } from "~/hydration";

const rendered = (hydrates: boolean, link: React.ReactElement) => renderToString(<PageHydrates.Provider value={hydrates}>{link}</PageHydrates.Provider>);

describe("a link of the app", () => {
  it("is a plain anchor on a page that does not hydrate, with no router or route tree behind it", () => {
    expect(
      rendered(
        false,
        <Link className="govuk-link" to="/catalogue/5?page=2" lang="cy">
          Darllen
        </Link>,
      ),
    ).toBe('<a href="/catalogue/5?page=2" class="govuk-link" lang="cy">Darllen</a>');
  });

  it("is a plain anchor on any page when the browser is to follow it with a reload", () => {
    expect(
      rendered(
        true,
        <Link className="govuk-button" to="/payments/7" reloadDocument>
          Continue
        </Link>,
      ),
    ).toBe('<a href="/payments/7" class="govuk-button">Continue</a>');
  });

  it("is Remix's link on a page that hydrates, and for an address relative to its route: outside a router that cannot render", () => {
    expect(() => rendered(true, <Link to="/catalogue">Find support</Link>)).toThrow();
    expect(() => rendered(false, <Link to="compare">Compare</Link>)).toThrow();
  });
});
