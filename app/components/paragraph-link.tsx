import { Link } from "~/components/link";
import type { ReactNode } from "react";

/** A paragraph of one link: the way back to a list, or on to a related page. */
export function ParagraphLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
