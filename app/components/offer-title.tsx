import { currentLocale } from "~/i18n";

/**
 * An offer's title in the reader's language: its Welsh title for a Welsh reader where the provider
 * gave one, else the English title, marked English on a Welsh page.
 */
export function OfferTitle({ title, titleCy }: { title: string; titleCy?: string | null }) {
  const welsh = currentLocale() === "cy";
  if (welsh && titleCy) return <>{titleCy}</>;
  return welsh ? <span lang="en">{title}</span> : <>{title}</>;
}
