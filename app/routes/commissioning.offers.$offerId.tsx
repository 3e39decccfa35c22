import { donePath } from "~/done";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { TextArea, SubmitButton } from "~/components/forms";
import { TwoThirdsPage } from "~/components/form-page";
import { loadLiveOffer } from "~/domain/commissioning/commissioning.server";
import { reinstateOffer, suspendOffer } from "~/domain/commissioning/suspend-offer.server";
import { formatDate } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { text } from "~/forms/fields";
import { t } from "~/i18n";
import { attempt, orErrorPage } from "~/refusals.server";
import { pageTitle } from "~/page-title";

const SuspensionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("suspend"),
    reason: text({
      label: t("refusal.label.reason"),
      max: 2000,
      multiline: true,
      required: t("refusal.input.suspensionReason"),
      tooLong: t("refusal.input.reasonTooLong", { max: 2000 }),
    }),
  }),
  z.object({ intent: z.literal("reinstate") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title ?? "", data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { authorityId } = await requireAuthorityPermission(request, context, "suspend:offer");
  const { offer, title, providerName } = await orErrorPage(() => loadLiveOffer(context.db, { authorityId, offerId: params.offerId! }));
  return { title, providerName, approvalExpiresAt: offer.approvalExpiresAt, suspendedAt: offer.suspendedAt, suspendedReason: offer.suspendedReason };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "suspend:offer");
  const form = await parseForm(request, SuspensionSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  const values = form.values;
  const offerId = params.offerId!;
  const done = await attempt<unknown>(
    () =>
      form.data.intent === "suspend"
        ? suspendOffer(context.db, { actor: user, authorityId, offerId, reason: form.data.reason, appUrl: context.env.APP_URL })
        : reinstateOffer(context.db, { actor: user, authorityId, offerId }),
    values,
  );
  if (!done.ok) return done.response;
  return redirect(donePath(`/commissioning/offers/${offerId}`, form.data.intent === "suspend" ? "offerSuspended" : "offerReinstated"));
}

export default function CommissioningOffer() {
  const { title, providerName, approvalExpiresAt, suspendedAt, suspendedReason } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TwoThirdsPage caption={providerName} title={title} errors={result?.errors}>
      {suspendedAt ? (
        <>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--red">{t("providerOffers.suspended")}</strong>{" "}
            {t("commissioning.suspendedBecause", { reason: suspendedReason ?? "" })} ({formatDate(suspendedAt)})
          </p>
          <Form method="post">
            <SubmitButton intent="reinstate">{t("commissioning.reinstate")}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          {approvalExpiresAt ? <p className="govuk-body">{t("commissioning.onSale", { date: formatDate(approvalExpiresAt) })}</p> : null}
          <Form method="post">
            <TextArea
              name="reason"
              label={t("commissioning.reason", { title })}
              errors={result?.errors}
              rows={3}
              defaultValue={typeof result?.values?.reason === "string" ? result.values.reason : null}
            />
            <SubmitButton intent="suspend" kind="warning">
              {t("commissioning.suspend")}
            </SubmitButton>
          </Form>
        </>
      )}
    </TwoThirdsPage>
  );
}
