import { Link } from "~/components/link";
import type { ReactNode } from "react";

/** A link drawn as a GOV.UK button, such as the one that opens an action's confirmation step. */
export function ButtonLink({
  to,
  kind,
  className,
  children,
}: {
  to: string;
  kind?: "secondary" | "warning" | "start";
  /** More classes, such as a margin. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      className={`govuk-button${kind ? ` govuk-button--${kind}` : ""}${className ? ` ${className}` : ""}`}
      role="button"
      draggable="false"
      data-module="govuk-button"
    >
      {children}
    </Link>
  );
}
