import { useLocation } from "@remix-run/react";
import { t, type Locale } from "~/i18n";

const NAMES = { en: "language.english", cy: "language.welsh" } as const;

/**
 * "English | Cymraeg" in the header: each language named in itself, marked with its own `lang`,
 * the one being read not a link. A plain link, so it works without JavaScript and reloads the
 * whole page in the other language; it comes back to the same page.
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const { pathname, search, hash } = useLocation();
  const returnTo = pathname + search + hash;
  return (
    <nav className="app-language-switch" aria-label={t("language.switch.label")}>
      <ul className="app-language-switch__list">
        {(["en", "cy"] as const).map((language) => (
          <li className="app-language-switch__item" key={language}>
            {language === locale ? (
              <span lang={language} aria-current="true">
                {t(NAMES[language])}
              </span>
            ) : (
              <a
                className="app-language-switch__link"
                href={`/language?${new URLSearchParams({ lang: language, returnTo })}`}
                lang={language}
                hrefLang={language}
                rel="alternate"
              >
                {t(NAMES[language])}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
