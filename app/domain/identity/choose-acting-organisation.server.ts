import { setActingOrganisation } from "~/auth/session.server";
import type { CurrentUser } from "~/auth/user.server";
import type { Database } from "~/db.server";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";

/** Act for one of the user's own organisations from now on, in this session only. */
export async function chooseActingOrganisation(db: Database, { user, organisationId }: { user: CurrentUser; organisationId: string }) {
  const membership = user.memberships.find((m) => m.organisationId === organisationId);
  if (!membership) throw new AppError("FORBIDDEN", t("organisations.notMember"));
  await setActingOrganisation(db, user.session.id, organisationId);
  return membership;
}
