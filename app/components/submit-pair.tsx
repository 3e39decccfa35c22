import type { ReactNode } from "react";
import { SubmitButton } from "./forms";

/** Two submit buttons side by side, each posting its own intent: the form's main answer, and the other choice drawn as secondary. */
export function SubmitPair({
  intent,
  submit,
  otherIntent,
  other,
  preventDoubleClick,
}: {
  intent: string;
  submit: ReactNode;
  otherIntent: string;
  other: ReactNode;
  preventDoubleClick?: boolean;
}) {
  return (
    <div className="govuk-button-group">
      <SubmitButton intent={intent} preventDoubleClick={preventDoubleClick}>
        {submit}
      </SubmitButton>
      <SubmitButton intent={otherIntent} kind="secondary" preventDoubleClick={preventDoubleClick}>
        {other}
      </SubmitButton>
    </div>
  );
}
