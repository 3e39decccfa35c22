import { ButtonLink } from "~/components/button-link";
import { ItemTable } from "~/components/table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm";
import { donePath } from "~/done";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { ErrorSummary } from "~/components/forms";
import { ProviderBadges } from "~/components/provider-badges";
import { isUuid } from "~/domain/ids";
import { authorityProviders, verifyProvider } from "~/domain/identity/verify-provider.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm } from "~/refusals.server";

const VerifySchema = z.object({ providerId: z.string().refine(isUuid, t("refusal.input.chooseProvider")) });

export const meta: MetaFunction = ({ data }) => pageTitle(t("providers.title"), data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityPermission(request, context, "verify:provider");
  const providers = await authorityProviders(context.db, authorityId);
  const asked = new URL(request.url).searchParams.get("confirm");
  return { providers, confirming: providers.find((p) => p.id === asked && p.verifiedAt === null) ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "verify:provider");
  const done = await attemptForm(request, VerifySchema, (data) => verifyProvider(context.db, { actor: user, authorityId, providerId: data.providerId }));
  if (!done.ok) return done.response;
  return redirect(donePath("/authority/providers", "providerVerified"));
}

export default function Providers() {
  const { providers, confirming } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (confirming) {
    return (
      <ConfirmStep
        title={t("confirm.verify.title")}
        lines={[t("confirm.verify.outcome", { provider: confirming.name })]}
        intent="verify"
        yes={t("confirm.verify.yes")}
        backTo="/authority/providers"
        hidden={{ providerId: confirming.id }}
        warning={false}
      />
    );
  }
  return (
    <>
      <ErrorSummary
        errors={
          result?.errors
            ? {
                form: Object.values(result.errors)
                  .flat()
                  .filter((m): m is string => Boolean(m)),
              }
            : null
        }
      />
      <h1 className="govuk-heading-l">{t("providers.title")}</h1>
      <p className="govuk-body">{t("providers.lead")}</p>
      <ItemTable
        rowHeader={false}
        columns={[
          { label: t("providers.name"), cell: (p) => p.name },
          {
            label: t("providers.kind"),
            cell: (p) => (
              <>
                <ProviderBadges kind={p.kind} verified={p.verifiedAt !== null} />
              </>
            ),
          },
          {
            label: t("providers.status"),
            cell: (p) =>
              p.verifiedAt ? (
                t("providers.verifiedOn", { date: formatDate(p.verifiedAt) })
              ) : (
                <ButtonLink to={`/authority/providers?confirm=${p.id}`} kind="secondary" className="govuk-!-margin-bottom-0">
                  {t("providers.verify")}
                  <span className="govuk-visually-hidden"> {p.name}</span>
                </ButtonLink>
              ),
          },
        ]}
        items={providers}
      />
    </>
  );
}
