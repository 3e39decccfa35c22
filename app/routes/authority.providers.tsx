import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityId, requirePermission, requireUser } from "~/auth/user.server";
import { ErrorSummary } from "~/components/forms";
import { ProviderBadges } from "~/components/provider-badges";
import { isUuid } from "~/domain/ids";
import { authorityProviders, verifyProvider } from "~/domain/identity/verify-provider.server";
import { formatDate } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { t } from "~/i18n";
import { attempt } from "~/refusals.server";

const VerifySchema = z.object({ providerId: z.string().refine(isUuid, "Choose a provider") });

export const meta: MetaFunction = () => [{ title: `${t("providers.title")} - ${t("service.name")}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "verify:provider", { authorityId });
  return { providers: await authorityProviders(context.db, authorityId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const authorityId = requireAuthorityId(user);
  requirePermission(user, "verify:provider", { authorityId });
  const form = await parseForm(request, VerifySchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const done = await attempt(() => verifyProvider(context.db, { actor: user, authorityId, providerId: form.data.providerId }), form.values);
  if (!done.ok) return done.response;
  return redirect("/authority/providers");
}

export default function Providers() {
  const { providers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors ? { form: Object.values(result.errors).flat().filter((m): m is string => Boolean(m)) } : null} />
      <h1 className="govuk-heading-l">{t("providers.title")}</h1>
      <p className="govuk-body">{t("providers.lead")}</p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("providers.name")}</th>
            <th scope="col" className="govuk-table__header">{t("providers.kind")}</th>
            <th scope="col" className="govuk-table__header">{t("providers.status")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {providers.map((p) => (
            <tr className="govuk-table__row" key={p.id}>
              <td className="govuk-table__cell">{p.name}</td>
              <td className="govuk-table__cell">
                <ProviderBadges kind={p.kind} verified={p.verifiedAt !== null} />
              </td>
              <td className="govuk-table__cell">
                {p.verifiedAt ? (
                  t("providers.verifiedOn", { date: formatDate(p.verifiedAt) })
                ) : (
                  <Form method="post" className="app-inline-form">
                    <input type="hidden" name="providerId" value={p.id} />
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      {t("providers.verify")}
                      <span className="govuk-visually-hidden"> {p.name}</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
