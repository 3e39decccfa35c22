import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { ButtonLink } from "~/components/button-link";
import { Choices, DateInput, Select, TextArea, TextInput, WholeNumberInput, type FieldErrors, SubmitButton, useFormAnswer } from "~/components/forms";
import { ConfirmStep } from "~/components/confirm";
import { SummaryRow } from "~/components/summary-row";
import { ItemTable } from "~/components/table";
import { TwoThirdsPage } from "~/components/form-page";
import { donePath, type Outcome } from "~/done";
import { addMilestone } from "~/domain/delivery/add-milestone.server";
import { confirmDelivery } from "~/domain/delivery/confirm-delivery.server";
import { deliveryPage } from "~/domain/delivery/delivery-page.server";
import { disputeDelivery } from "~/domain/delivery/dispute-delivery.server";
import { giveUpPlace } from "~/domain/delivery/give-up-place.server";
import { markDelivered } from "~/domain/delivery/mark-delivered.server";
import { milestoneStep } from "~/domain/delivery/milestone-step.server";
import { nameDelegate } from "~/domain/delivery/name-delegate.server";
import { recordAttendance } from "~/domain/delivery/record-attendance.server";
import { parseTime } from "~/domain/delivery/rules";
import { scheduleSession } from "~/domain/delivery/schedule-session.server";
import { date, text, whole, withDateInputs } from "~/forms/fields";
import { formatDate, formatDateInputExample, formatDateTime } from "~/format";
import { manyOf } from "~/forms.server";
import { t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attemptForm, orErrorPage } from "~/refusals.server";
import { actingOnOrder } from "./purchasing.server";

const uuid = z.string().uuid();

const DeliverySchema = withDateInputs(
  ["day"],
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("schedule"),
      day: date({ label: t("fieldLabel.sessionDate"), required: t("delivery.schedule.error.day") }),
      time: z
        .string({ message: t("delivery.schedule.error.time") })
        .max(10, t("delivery.schedule.error.time"))
        .transform((v, ctx) => parseTime(v) ?? (ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("delivery.schedule.error.time") }), z.NEVER)),
      duration: whole({
        label: t("fieldLabel.length"),
        invalid: t("delivery.schedule.error.duration"),
        tooSmall: t("delivery.schedule.error.duration"),
        tooLarge: t("delivery.schedule.error.duration"),
        min: 15,
        max: 600,
      }),
      mode: z.enum(["venue", "online"], { message: t("delivery.schedule.error.mode") }),
      venue: text({ label: t("fieldLabel.venue"), max: 200 }),
      capacity: whole({
        label: t("fieldLabel.places"),
        invalid: t("delivery.schedule.error.capacity"),
        tooSmall: t("delivery.schedule.error.capacity"),
        tooLarge: t("delivery.schedule.error.capacity"),
        min: 1,
        max: 500,
      }),
    }),
    z.object({
      intent: z.literal("name"),
      sessionId: uuid.catch(""),
      delegateName: text({ label: t("fieldLabel.delegateName"), max: 120, required: t("delivery.name.error.required") }),
    }),
    z.object({ intent: z.literal("giveUp"), placeId: uuid.catch("") }),
    z.object({ intent: z.literal("attendance"), sessionId: uuid.catch(""), attended: manyOf(z.string().uuid()).catch([]) }),
    z.object({ intent: z.literal("addMilestone"), title: text({ label: t("fieldLabel.milestone"), max: 200, required: t("delivery.milestone.error.title") }) }),
    z.object({ intent: z.literal("deliverMilestone"), milestoneId: uuid.catch("") }),
    z.object({ intent: z.literal("confirmMilestone"), milestoneId: uuid.catch("") }),
    z.object({ intent: z.literal("deliver") }),
    z.object({ intent: z.literal("confirm") }),
    z.object({
      intent: z.literal("dispute"),
      reason: text({ label: t("fieldLabel.reason"), max: 2000, multiline: true, required: t("delivery.dispute.error.reason") }),
    }),
  ]),
);

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${t("delivery.title")}: ${data.order.title}` : t("delivery.title"), data);

export async function loader(args: LoaderFunctionArgs) {
  const { request, context } = args;
  const who = await actingOnOrder(args);
  const page = await orErrorPage(() => deliveryPage(context.db, who));
  const confirm = new URL(request.url).searchParams.get("confirm");
  const confirming =
    confirm === "deliver" && page.powers.provider && page.order.status !== "delivered"
      ? "deliver"
      : confirm === "confirm" && page.powers.buyer && page.order.status === "delivered" && !page.confirmation
        ? "confirm"
        : null;
  const attendanceFor = new URL(request.url).searchParams.get("attendance");
  return { ...page, confirming, attendanceFor, now: new Date().toISOString(), example: formatDateInputExample(new Date(Date.now() + 14 * 86_400_000)) };
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const base = await actingOnOrder(args);
  const { orderId } = base;
  const appUrl = context.env.APP_URL;
  const run = async (input: z.output<typeof DeliverySchema>): Promise<Outcome> => {
    switch (input.intent) {
      case "schedule":
        await scheduleSession(context.db, {
          ...base,
          day: input.day,
          time: input.time,
          durationMinutes: input.duration,
          online: input.mode === "online",
          venue: input.venue,
          capacity: input.capacity,
          appUrl,
        });
        return "sessionScheduled";
      case "name":
        await nameDelegate(context.db, { ...base, sessionId: input.sessionId, delegateName: input.delegateName });
        return "delegateNamed";
      case "giveUp":
        await giveUpPlace(context.db, { ...base, placeId: input.placeId, appUrl });
        return "placeGivenUp";
      case "attendance":
        await recordAttendance(context.db, { ...base, sessionId: input.sessionId, attendedPlaceIds: input.attended });
        return "attendanceRecorded";
      case "addMilestone":
        await addMilestone(context.db, { ...base, title: input.title });
        return "milestoneAdded";
      case "deliverMilestone":
      case "confirmMilestone":
        await milestoneStep(context.db, {
          ...base,
          milestoneId: input.milestoneId,
          step: input.intent === "deliverMilestone" ? "deliver" : "confirm",
          stripeEnabled: context.env.STRIPE,
        });
        return input.intent === "deliverMilestone" ? "milestoneDelivered" : "milestoneConfirmed";
      case "deliver":
        await markDelivered(context.db, { ...base, appUrl });
        return "orderDelivered";
      case "confirm":
        // Where Stripe carried the money, the provider's share is paid out as the school confirms, in the same transaction.
        await confirmDelivery(context.db, { ...base, stripeEnabled: context.env.STRIPE });
        return "deliveryConfirmed";
      case "dispute":
        await disputeDelivery(context.db, { ...base, reason: input.reason });
        return "deliveryDisputed";
    }
  };
  const done = await attemptForm(request, DeliverySchema, run);
  if (!done.ok) return done.response;
  const next = done.value === "deliveryConfirmed" || done.value === "deliveryDisputed" ? `/purchases/${orderId}/evaluation` : `/purchases/${orderId}/delivery`;
  return redirect(donePath(next, done.value), { status: 303 });
}

type Session = ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number];

/** A milestone's one button: the provider delivers it, the school confirms it. */
function MilestoneStep({
  milestone,
  intent,
  label,
}: {
  milestone: { id: string; title: string };
  intent: "deliverMilestone" | "confirmMilestone";
  label: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <SubmitButton intent={intent} kind="secondary" className="govuk-!-margin-bottom-0">
        {label}
        <span className="govuk-visually-hidden"> {milestone.title}</span>
      </SubmitButton>
    </Form>
  );
}

export default function DeliveryPage() {
  const data = useLoaderData<typeof loader>();
  const { errors, values, field } = useFormAnswer();
  const { order, powers, sessions, milestones, confirmation, confirming } = data;
  const back = `/purchases/${order.id}/delivery`;
  if (confirming === "deliver")
    return (
      <ConfirmStep
        title={t("delivery.deliver.confirmTitle", { title: order.title, school: order.schoolName })}
        lines={[t("delivery.deliver.confirmLine")]}
        intent="deliver"
        yes={t("delivery.deliver.yes")}
        backTo={back}
      />
    );
  if (confirming === "confirm")
    return (
      <ConfirmStep
        title={t("delivery.confirm.title", { title: order.title })}
        lines={[t("delivery.confirm.line")]}
        intent="confirm"
        yes={t("delivery.confirm.yes")}
        backTo={back}
        warning={false}
      />
    );
  const open = order.status !== "cancelled" && order.status !== "delivered";
  return (
    <TwoThirdsPage caption={order.title} title={t("delivery.title")} errors={errors}>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("purchase.school")}>{order.schoolName}</SummaryRow>
        <SummaryRow label={t("purchase.provider")}>{order.providerName}</SummaryRow>
        <SummaryRow label={t("order.status")}>
          <strong className="govuk-tag">{t(`orderStatus.${order.status}`)}</strong>
        </SummaryRow>
        <SummaryRow label={t("delivery.status")}>
          {order.deliveredAt ? t("delivery.deliveredOn", { date: formatDate(order.deliveredAt) }) : t("delivery.notDelivered")}
          {confirmation ? (
            <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              {confirmation.outcome === "confirmed"
                ? t("delivery.confirmation.confirmed", { date: formatDate(confirmation.decidedAt) })
                : t("delivery.confirmation.disputed", { date: formatDate(confirmation.decidedAt), reason: confirmation.reason ?? "" })}
            </p>
          ) : null}
        </SummaryRow>
      </dl>
      <p className="govuk-body">
        {powers.viewOrder ? (
          <>
            <Link className="govuk-link" to={`/purchases/${order.id}`}>
              {powers.buyer ? t("order.title") : t("order.titleOther")}
            </Link>
            {" · "}
          </>
        ) : null}
        <Link className="govuk-link" to={`/purchases/${order.id}/evaluation`}>
          {t("delivery.evaluationLink")}
        </Link>
      </p>

      {powers.buyer && order.status === "delivered" && !confirmation ? (
        <>
          <h2 className="govuk-heading-m">{t("delivery.confirm.heading")}</h2>
          <p className="govuk-body">{t("delivery.confirm.hint", { provider: order.providerName })}</p>
          <ButtonLink to={`${back}?confirm=confirm`}>{t("delivery.confirm.open")}</ButtonLink>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="dispute" />
            <TextArea {...field("reason")} label={t("delivery.dispute.reason")} hint={t("delivery.dispute.reasonHint")} rows={3} />
            <SubmitButton kind="secondary">{t("delivery.dispute.submit")}</SubmitButton>
          </Form>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("delivery.sessions.heading")}</h2>
      {sessions.length === 0 ? <p className="govuk-body">{t("delivery.sessions.none")}</p> : null}
      {sessions.map((session) => (
        <SessionBlock
          key={session.id}
          session={session}
          schoolId={order.schoolId}
          provider={powers.provider}
          buyer={powers.buyer}
          now={data.now}
          attendanceOpen={data.attendanceFor === session.id || (values.intent === "attendance" && values.sessionId === session.id)}
          errors={errors}
        />
      ))}

      {powers.buyer && order.status !== "cancelled" && sessions.length > 0 ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("delivery.name.heading")}</h2>
          <input type="hidden" name="intent" value="name" />
          {sessions.length === 1 ? (
            <input type="hidden" name="sessionId" value={sessions[0].id} />
          ) : (
            <Select
              {...field("sessionId")}
              label={t("delivery.name.session")}
              options={sessions.map((s) => ({ value: s.id, label: formatDateTime(s.startsAt) }))}
            />
          )}
          <TextInput {...field("delegateName")} label={t("delivery.name.label")} hint={t("delivery.name.hint")} autoComplete="off" spellCheck={false} />
          <SubmitButton>{t("delivery.name.submit")}</SubmitButton>
        </Form>
      ) : null}

      <h2 className="govuk-heading-m">{t("delivery.milestones.heading")}</h2>
      <p className="govuk-body">{t("delivery.milestones.hint")}</p>
      {milestones.length === 0 ? (
        <p className="govuk-body">{t("delivery.milestones.none")}</p>
      ) : (
        <ItemTable
          caption={t("delivery.milestones.heading")}
          columns={[
            { label: t("delivery.milestone.title"), cell: (m) => m.title },
            { label: t("delivery.milestone.delivered"), cell: (m) => (m.deliveredAt ? formatDate(m.deliveredAt) : t("delivery.milestone.notYet")) },
            { label: t("delivery.milestone.confirmed"), cell: (m) => (m.confirmedAt ? formatDate(m.confirmedAt) : t("delivery.milestone.notYet")) },
            {
              label: <span className="govuk-visually-hidden">{t("table.actions")}</span>,
              cell: (m) =>
                powers.provider && !m.deliveredAt && order.status !== "cancelled" ? (
                  <MilestoneStep milestone={m} intent="deliverMilestone" label={t("delivery.milestone.deliver")} />
                ) : powers.buyer && m.deliveredAt && !m.confirmedAt ? (
                  <MilestoneStep milestone={m} intent="confirmMilestone" label={t("delivery.milestone.confirm")} />
                ) : null,
            },
          ]}
          items={milestones}
        />
      )}
      {powers.provider && open ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="addMilestone" />
          <TextInput {...field("title")} label={t("delivery.milestone.addLabel")} hint={t("delivery.milestone.addHint")} />
          <SubmitButton kind="secondary">{t("delivery.milestone.addSubmit")}</SubmitButton>
        </Form>
      ) : null}

      {powers.provider && order.status !== "cancelled" ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{t("delivery.schedule.heading")}</h2>
          {order.collectivePurchaseId ? <p className="govuk-body">{t("delivery.schedule.collectiveHint")}</p> : null}
          <input type="hidden" name="intent" value="schedule" />
          <DateInput
            name="day"
            legend={t("delivery.schedule.day")}
            hint={t("delivery.schedule.dayHint", { example: data.example })}
            errors={errors}
            values={values}
          />
          <TextInput {...field("time")} label={t("delivery.schedule.time")} hint={t("delivery.schedule.timeHint")} width="5" />
          <WholeNumberInput {...field("duration", "180")} label={t("delivery.schedule.duration")} width="4" />
          <Choices
            {...field("mode", "venue")}
            legend={t("delivery.schedule.mode")}
            options={[
              { value: "venue", label: t("delivery.schedule.mode.venue") },
              { value: "online", label: t("delivery.schedule.mode.online") },
            ]}
          />
          <TextInput {...field("venue")} label={t("delivery.schedule.venue")} hint={t("delivery.schedule.venueHint")} />
          <WholeNumberInput {...field("capacity", "20")} label={t("delivery.schedule.capacity")} width="4" />
          <SubmitButton>{t("delivery.schedule.submit")}</SubmitButton>
        </Form>
      ) : null}

      {powers.provider && open ? (
        <>
          <h2 className="govuk-heading-m">{t("delivery.deliver.heading")}</h2>
          <p className="govuk-body">{t("delivery.deliver.hint")}</p>
          <ButtonLink to={`${back}?confirm=deliver`}>{t("delivery.deliver.open")}</ButtonLink>
        </>
      ) : null}
    </TwoThirdsPage>
  );
}

/** One session: when and where, its places, and attendance for the provider once it has started. */
function SessionBlock({
  session,
  schoolId,
  provider,
  buyer,
  now,
  attendanceOpen,
  errors,
}: {
  session: Session;
  schoolId: string;
  provider: boolean;
  buyer: boolean;
  now: string;
  attendanceOpen: boolean;
  errors?: FieldErrors;
}) {
  const booked = session.places.filter((p) => p.status === "booked");
  const waiting = session.places.filter((p) => p.status === "waiting");
  // A school sees its own delegates; the provider sees every school's.
  const shown = session.places.filter((p) => provider || p.schoolId === schoolId);
  const started = new Date(session.startsAt).getTime() <= new Date(now).getTime();
  const when = formatDateTime(session.startsAt);
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">{t("delivery.session.heading", { when })}</h3>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <SummaryRow label={t("delivery.session.where")}>{session.online ? t("delivery.online") : session.venue}</SummaryRow>
        <SummaryRow label={t("delivery.session.length")}>{t("delivery.session.minutes", { count: session.durationMinutes })}</SummaryRow>
        <SummaryRow label={t("delivery.session.capacity")}>
          {t("delivery.session.placesTaken", { booked: booked.length, capacity: session.capacity, waiting: waiting.length })}
        </SummaryRow>
      </dl>
      {shown.length === 0 ? (
        <p className="govuk-body">{t("delivery.session.noPlaces")}</p>
      ) : (
        <ItemTable
          caption={t("delivery.session.heading", { when })}
          columns={[
            { label: t("delivery.session.delegate"), cell: (p) => p.delegateName },
            { label: t("delivery.session.school"), cell: (p) => p.schoolName },
            { label: t("delivery.session.placeStatus"), cell: (p) => t(`delivery.placeStatus.${p.status}`) },
            {
              label: t("delivery.session.attended"),
              cell: (p) => (p.attended === null ? t("delivery.attended.unknown") : p.attended ? t("delivery.attended.yes") : t("delivery.attended.no")),
            },
            {
              label: <span className="govuk-visually-hidden">{t("table.actions")}</span>,
              cell: (p) =>
                p.attended ? (
                  <Link className="govuk-link" to={`/certificates/${p.id}`}>
                    {t("delivery.session.certificate")}
                    <span className="govuk-visually-hidden"> {t("delivery.session.certificateFor", { name: p.delegateName })}</span>
                  </Link>
                ) : buyer && p.schoolId === schoolId && p.status !== "cancelled" && p.attended === null ? (
                  <Form method="post">
                    <input type="hidden" name="placeId" value={p.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="giveUp"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                      aria-label={t("delivery.session.giveUpFor", { name: p.delegateName })}
                    >
                      {t("delivery.session.giveUp")}
                    </button>
                  </Form>
                ) : null,
            },
          ]}
          items={shown}
        />
      )}
      {provider && started && booked.length > 0 && !attendanceOpen ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`?attendance=${session.id}#attendance`}>
            {t("delivery.attendance.heading")}
            <span className="govuk-visually-hidden"> {when}</span>
          </Link>
        </p>
      ) : null}
      {provider && started && booked.length > 0 && attendanceOpen ? (
        <Form method="post" noValidate id="attendance">
          <input type="hidden" name="intent" value="attendance" />
          <input type="hidden" name="sessionId" value={session.id} />
          <Choices
            name={`attended`}
            type="checkbox"
            legend={t("delivery.attendance.legend", { when })}
            hint={t("delivery.attendance.hint")}
            errors={errors}
            small
            defaultValue={booked.filter((p) => p.attended !== false).map((p) => p.id)}
            options={booked.map((p) => ({ value: p.id, label: `${p.delegateName} (${p.schoolName})` }))}
          />
          <SubmitButton kind="secondary">{t("delivery.attendance.submit")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
