import "~/context";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Link } from "~/components/link";
import { PageHydrates } from "~/hydration";
import { LanguageSwitch } from "~/components/language-switch";
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css?url";
import { useContext, useEffect } from "react";
import { getUser } from "~/auth/user.server";
import { DemoBanner, useDemo } from "~/components/demo-banner";
import { SuccessBanner } from "~/components/success-banner";
import { useNonce } from "~/components/nonce";
import { PageMeta } from "~/components/page-meta";
import { doneMessage } from "~/done";
import { pageTitle } from "~/page-title";
import { navigationFor, showsItem } from "~/navigation";
import { currentLocale, loadMessages, t } from "~/i18n";
import { enhancementScript, loadGovukFrontend } from "~/govuk-frontend";
import appCss from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// A page whose loader refused names the refusal in the title (the leaf's own meta is not asked then).
export const meta: MetaFunction = ({ error }) =>
  isRouteErrorResponse(error) && error.status === 404 ? pageTitle(t("error.notFound.title")) : [{ title: t("service.name") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const shortlist = user?.acting && showsItem(user, "/catalogue/compare") ? user.shortlisted : 0;
  return {
    locale: currentLocale(),
    demo: context.env.DEMO,
    done: doneMessage(new URL(request.url)),
    user: user && {
      name: user.name,
      acting: user.acting,
      organisationCount: new Set(user.memberships.map((m) => m.organisationId)).size,
      navigation: navigationFor(user, { shortlist }),
    },
  };
}

/**
 * In the browser, when the root's data comes again (after signing in, or any form): the reader's
 * language may have changed (signing in as someone who reads Welsh). Its catalogue is fetched, once,
 * and the page's language set, before anything renders in it.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadMessages(data.locale);
  document.documentElement.lang = data.locale;
  return data;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  const demo = useDemo();
  const locale = data?.locale ?? currentLocale();
  // As the server's entry decided for the page; in the browser React is running already, whatever the
  // page (one the app reached without a reload), so Remix's scripts stay.
  const hydrated = useContext(PageHydrates);
  useEffect(() => {
    document.body.classList.add("js-enabled", "govuk-frontend-supported");
    loadGovukFrontend().then(({ initAll }) => initAll());
  }, []);
  // On a phone the navigation is behind its menu button (GOV.UK Frontend's ServiceNavigation): a page
  // reached without a reload closes it, as a page loaded whole would come with it closed.
  const { key: locationKey } = useLocation();
  useEffect(() => {
    document.querySelector<HTMLButtonElement>('.govuk-js-service-navigation-toggle[aria-expanded="true"]')?.click();
  }, [locationKey]);
  return (
    <html lang={locale} className="govuk-template" data-demo={demo ? "true" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <PageMeta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          {t("skipLink")}
        </a>
        <header className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                {t("service.name")}
              </Link>
            </div>
            <LanguageSwitch locale={locale} />
          </div>
        </header>
        <section aria-label={t("nav.label")} className="govuk-service-navigation" data-module="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label={t("nav.menu")} className="govuk-service-navigation__wrapper">
                {user ? (
                  <button
                    type="button"
                    className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                    aria-controls="navigation"
                    hidden
                    aria-hidden="true"
                  >
                    {t("nav.menu")}
                  </button>
                ) : null}
                <ul className="govuk-service-navigation__list" id="navigation">
                  {(user?.navigation ?? []).map((item) => (
                    <li className="govuk-service-navigation__item" key={item.href}>
                      <Link className="govuk-service-navigation__link" to={item.href}>
                        {t(item.label, item.params)}
                      </Link>
                    </li>
                  ))}
                  {user?.acting ? (
                    <li className="govuk-service-navigation__item">
                      <span className="govuk-service-navigation__text app-acting">
                        {`${t("nav.actingFor", { organisation: user.acting.organisationName })} (${user.acting.authorityName})`}
                      </span>
                    </li>
                  ) : null}
                  {user && user.organisationCount > 1 ? (
                    <li className="govuk-service-navigation__item">
                      <Link className="govuk-service-navigation__link" to="/organisations">
                        {t("nav.switchOrganisation")}
                      </Link>
                    </li>
                  ) : null}
                  <li className="govuk-service-navigation__item">
                    {user ? (
                      <Form method="post" action="/sign-out" className="app-inline-form">
                        <button type="submit" className="govuk-service-navigation__link app-link-button">
                          {t("nav.signOut")}
                        </button>
                      </Form>
                    ) : (
                      <Link className="govuk-service-navigation__link" to="/sign-in">
                        {t("nav.signIn")}
                      </Link>
                    )}
                  </li>
                </ul>
              </nav>
            </div>
          </div>
        </section>
        <div className="govuk-width-container">
          {demo ? <DemoBanner /> : null}
          <main className="govuk-main-wrapper" id="main-content">
            {data?.done ? <SuccessBanner id="app-done" heading={data.done} /> : null}
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <p className="govuk-body-s">{t("footer.licence")}</p>
              </div>
            </div>
          </div>
        </footer>
        {hydrated ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" nonce={nonce} dangerouslySetInnerHTML={{ __html: enhancementScript() }} />
        )}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const [title, body] =
      error.status === 404
        ? [t("error.notFound.title"), t("error.notFound.body")]
        : error.status === 403
          ? [t("error.forbidden.title"), typeof error.data === "string" && error.data ? error.data : t("error.forbidden.body")]
          : error.status === 410
            ? [t("error.gone.title"), typeof error.data === "string" ? error.data : ""]
            : error.status === 429
              ? [t("error.tooMany.title"), typeof error.data === "string" ? error.data : ""]
              : [t("error.generic.title"), typeof error.data === "string" ? error.data : t("error.generic.body")];
    return (
      <>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{body}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">{t("error.generic.title")}</h1>
      <p className="govuk-body">{t("error.generic.body")}</p>
    </>
  );
}
