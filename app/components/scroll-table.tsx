import type { ReactNode } from "react";
import { t } from "~/i18n";

/**
 * Room for a table wider than the screen: on a phone it scrolls sideways inside the page instead of
 * widening it. The region is focusable so that it can be scrolled from the keyboard, and named so a
 * screen reader says what it is: by the table's caption (`labelledBy`, its id) where it has one, so that
 * two tables on a page are two regions with names of their own.
 */
export function ScrollTable({ labelledBy, children }: { labelledBy?: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : t("table.region")} tabIndex={0}>
      {children}
    </div>
  );
}
