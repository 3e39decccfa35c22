import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireAuthorityPermission } from "~/auth/user.server";
import { SubmitWithLink } from "~/components/submit-with-link";
import { ButtonLink } from "~/components/button-link";
import { SummaryRow } from "~/components/summary-row";
import { ConfirmStep } from "~/components/confirm";
import { answeredField, ErrorSummary, Select, TextInput, type FieldErrors, SubmitButton, useFormAnswer } from "~/components/forms";
import { ItemTable } from "~/components/table";
import { donePath } from "~/done";
import { applyFormula } from "~/domain/funding/apply-formula.server";
import { changeFormulaParts } from "~/domain/funding/change-formula-parts.server";
import { formulaPage } from "~/domain/funding/formula-page.server";
import { reviseFormula } from "~/domain/funding/revise-formula.server";
import { countDocuments, PART_KINDS, PER_PUPIL_BASES, PHASES, type FormulaPart, type PartKind } from "~/domain/funding/rules";
import { describePart, describeWorking } from "~/domain/funding/working";
import { MatchFundingPreview } from "~/components/match-funding-documents";
import { TwoThirdsPage } from "~/components/form-page";
import { money, text, whole } from "~/forms/fields";
import { formatDate, formatPence } from "~/format";
import { invalid, parseForm, parseValues } from "~/forms.server";
import { t, type MessageKey } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attempt, orErrorPage } from "~/refusals.server";

const label = text({ label: t("funding.part.label"), max: 100, required: t("funding.part.labelRequired") });
const amount = (field: string) => money({ label: field, invalid: t("funding.part.amountInvalid", { label: field.toLowerCase() }) });

/** The fields of each kind of part, as the officer types them, read as the part the formula stores. */
const PartSchemas = {
  size_band: z
    .object({
      label,
      fromSchools: whole({ label: t("funding.part.fromSchools"), invalid: t("funding.part.fromSchoolsInvalid"), min: 1, max: 1000 }),
      belowAmount: amount(t("funding.part.belowAmount")),
      fromAmount: amount(t("funding.part.fromAmount")),
    })
    .transform((d): FormulaPart => ({ kind: "size_band", label: d.label, fromSchools: d.fromSchools, belowPence: d.belowAmount, fromPence: d.fromAmount })),
  per_pupil: z
    .object({
      label,
      phase: z.enum(["all", ...PHASES], { message: t("funding.part.phaseRequired") }),
      basis: z.enum(PER_PUPIL_BASES, { message: t("funding.part.basisRequired") }),
      amount: amount(t("funding.part.amount")),
    })
    .transform((d): FormulaPart => ({ kind: "per_pupil", label: d.label, phase: d.phase, basis: d.basis, amountPence: d.amount })),
  category: z
    .object({ label, category: z.string({ message: t("funding.error.category") }).max(10, t("funding.error.category")), rate: amount(t("funding.part.rate")) })
    .transform((d): FormulaPart => ({ kind: "category", label: d.label, category: d.category, ratePence: d.rate })),
  match: z.object({ label, rate: amount(t("funding.part.rate")) }).transform((d): FormulaPart => ({ kind: "match", label: d.label, ratePence: d.rate })),
} satisfies Record<PartKind, z.ZodTypeAny>;

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("addPart"), kind: z.enum(PART_KINDS, { message: t("funding.part.kindRequired") }) }),
  z.object({ intent: z.literal("removePart"), index: z.coerce.number().int().min(0).max(100) }),
  z.object({ intent: z.literal("apply") }),
  z.object({ intent: z.literal("revise") }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("funding.formulaTitle", { year: data.formula.financialYear, version: data.formula.version }) : t("funding.title"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "allocate:funding");
  const page = await orErrorPage(() => formulaPage(context.db, { actor: user, authorityId, formulaId: params.formulaId ?? "" }));
  const url = new URL(request.url);
  const add = url.searchParams.get("add");
  // Each school's working is shown for one consortium at a time; the CSV has them all.
  const chosen = page.allocation?.consortia.find((c) => c.consortiumId === url.searchParams.get("consortium")) ?? null;
  const allocation = page.allocation ? { ...page.allocation, schools: page.allocation.schools.filter((s) => s.consortiumId === chosen?.consortiumId) } : null;
  const toPost = page.toPost
    ? page
        .allocation!.consortia.map((c) => {
          const lines = page.toPost!.filter((l) => l.consortiumId === c.consortiumId);
          const sumOf = (kind: "authority" | "match") => lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amountPence, 0);
          return {
            consortiumId: c.consortiumId,
            name: c.name,
            entries: lines.length,
            authorityPence: sumOf("authority"),
            matchPence: sumOf("match"),
            matchSchools: lines.filter((l) => l.kind === "match").length,
          };
        })
        .filter((c) => c.entries > 0)
    : null;
  return {
    ...page,
    allocation,
    toPost,
    lines: page.toPost,
    chosen: chosen ? { id: chosen.consortiumId, name: chosen.name } : null,
    adding: (PART_KINDS as readonly string[]).includes(add ?? "") ? (add as PartKind) : null,
    confirming: url.searchParams.get("confirm") === "apply",
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireAuthorityPermission(request, context, "allocate:funding");
  const formulaId = params.formulaId ?? "";
  const intent = await parseForm(request, IntentSchema, "funding.error.unreadable");
  if (!intent.ok) return invalid(intent.errors, intent.values);
  const { values } = intent;
  const back = `/funding/${formulaId}`;
  const data = intent.data;
  switch (data.intent) {
    case "addPart": {
      const part = parseValues(values, PartSchemas[data.kind]);
      if (!part.ok) return invalid(part.errors, values);
      const add = part.data as FormulaPart;
      const done = await attempt(() => changeFormulaParts(context.db, { actor: user, authorityId, formulaId, change: { add } }), values);
      if (!done.ok) return done.response;
      return redirect(donePath(back, "formulaPartAdded"), { status: 303 });
    }
    case "removePart": {
      const done = await attempt(() => changeFormulaParts(context.db, { actor: user, authorityId, formulaId, change: { remove: data.index } }), values);
      if (!done.ok) return done.response;
      return redirect(donePath(back, "formulaPartRemoved"), { status: 303 });
    }
    case "apply": {
      const done = await attempt(() => applyFormula(context.db, { actor: user, authorityId, formulaId }), values);
      if (!done.ok) return done.response;
      return redirect(donePath(back, "formulaApplied"), { status: 303 });
    }
    case "revise": {
      const done = await attempt(() => reviseFormula(context.db, { actor: user, authorityId, formulaId }), values);
      if (!done.ok) return done.response;
      return redirect(donePath(`/funding/${done.value.id}`, "formulaRevised"), { status: 303 });
    }
  }
}

function PartFields({
  kind,
  categories,
  errors,
  values,
}: {
  kind: PartKind;
  categories: readonly string[];
  errors?: FieldErrors;
  values: Record<string, string>;
}) {
  const field = answeredField(errors, values);
  const textInput = (name: string, labelText: string, extra: { prefix?: string; width?: "2" | "3" | "4" | "5" | "10" | "20"; hint?: string } = {}) => (
    <TextInput {...field(name)} label={labelText} width={extra.width ?? "10"} prefix={extra.prefix} hint={extra.hint} />
  );
  return (
    <>
      {textInput("label", t("funding.part.label"), { width: "20", hint: t(`funding.part.labelHint.${kind}`) })}
      {kind === "size_band" ? (
        <>
          {textInput("fromSchools", t("funding.part.fromSchools"), { width: "3" })}
          {textInput("belowAmount", t("funding.part.belowAmount"), { prefix: "£" })}
          {textInput("fromAmount", t("funding.part.fromAmount"), { prefix: "£" })}
        </>
      ) : null}
      {kind === "per_pupil" ? (
        <>
          <Select
            {...field("phase")}
            label={t("funding.part.phase")}
            options={[{ value: "all", label: t("funding.phase.allSchools") }, ...PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))]}
          />
          <Select
            {...field("basis")}
            label={t("funding.part.basis")}
            options={PER_PUPIL_BASES.map((b) => ({ value: b, label: t(`funding.part.basis.${b}`) }))}
          />
          {textInput("amount", t("funding.part.amount"), { prefix: "£" })}
        </>
      ) : null}
      {kind === "category" ? (
        <>
          <Select
            {...field("category")}
            label={t("funding.part.category")}
            options={categories.map((c) => ({ value: c, label: t(`category.name.${c}` as MessageKey) }))}
          />
          {textInput("rate", t("funding.part.rate"), { prefix: "£" })}
        </>
      ) : null}
      {kind === "match" ? textInput("rate", t("funding.part.rate"), { prefix: "£", hint: t("funding.part.matchHint") }) : null}
    </>
  );
}

export default function FundingFormula() {
  const { formula, versions, allocation, toPost, toRaise, lines: postLines, chosen, categories, adding, confirming } = useLoaderData<typeof loader>();
  const { errors, values } = useFormAnswer();
  const here = `/funding/${formula.id}`;
  const editable = !formula.appliedAt;
  const failedKind = values.intent === "addPart" && (PART_KINDS as readonly string[]).includes(values.kind) ? (values.kind as PartKind) : null;
  const kind = failedKind ?? adding;
  const postTotal = (kindOf: "authority" | "match") => (postLines ?? []).filter((l) => l.kind === kindOf).reduce((s, l) => s + l.amountPence, 0);

  if (confirming && editable && postLines) {
    const lines = [
      t("funding.confirm.entries", { count: postLines.length }),
      t("funding.confirm.authority", { amount: formatPence(postTotal("authority")), count: postLines.filter((l) => l.kind === "authority").length }),
      t("funding.confirm.match", { amount: formatPence(postTotal("match")), count: postLines.filter((l) => l.kind === "match").length }),
    ].filter((_, i) => i < 2 || postLines.some((l) => l.kind === "match"));
    const raised = countDocuments(toRaise ?? []);
    if (raised.invoice) lines.push(t("matchfunding.confirm.invoices", { count: raised.invoice }));
    if (raised.recharge) lines.push(t("matchfunding.confirm.recharges", { count: raised.recharge }));
    if (raised.credit_note) lines.push(t("matchfunding.confirm.creditNotes", { count: raised.credit_note }));
    return (
      <>
        <ErrorSummary errors={errors} />
        <ConfirmStep
          title={t("funding.confirm.title", { year: formula.financialYear, version: formula.version })}
          lines={lines}
          intent="apply"
          yes={t("funding.confirm.yes")}
          backTo={here}
        />
      </>
    );
  }

  return (
    <>
      <TwoThirdsPage caption={t("funding.title")} title={t("funding.formulaTitle", { year: formula.financialYear, version: formula.version })} errors={errors}>
        <p className="govuk-body">
          {formula.appliedAt ? (
            <strong className="govuk-tag govuk-tag--green">{t("funding.appliedOn", { date: formatDate(formula.appliedAt) })}</strong>
          ) : (
            <strong className="govuk-tag govuk-tag--grey">{t("funding.draft")}</strong>
          )}
        </p>
        {versions.length > 1 ? (
          <p className="govuk-body">
            {t("funding.versions")}{" "}
            {versions.map((v, i) => (
              <span key={v.id}>
                {i > 0 ? ", " : null}
                {v.id === formula.id ? (
                  t("funding.versionN", { version: v.version })
                ) : (
                  <Link className="govuk-link" to={`/funding/${v.id}`}>
                    {t("funding.versionN", { version: v.version })}
                  </Link>
                )}
              </span>
            ))}
          </p>
        ) : null}
        <h2 className="govuk-heading-m">{t("funding.parts")}</h2>
        {formula.parts.length ? (
          <ul className="govuk-list">
            {formula.parts.map((part, index) => (
              <li key={index}>
                {editable ? (
                  <Form method="post" className="app-inline-form">
                    {describePart(part)} <input type="hidden" name="index" value={index} />
                    <SubmitButton intent="removePart" kind="secondary" className="govuk-!-margin-bottom-0 govuk-!-margin-left-2">
                      {t("funding.part.remove")}
                      <span className="govuk-visually-hidden"> {part.label}</span>
                    </SubmitButton>
                  </Form>
                ) : (
                  describePart(part)
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{t("funding.noParts")}</p>
        )}
        {editable ? (
          kind ? (
            <Form method="post" noValidate action={here}>
              <h2 className="govuk-heading-m">{t(`funding.part.kind.${kind}` as MessageKey)}</h2>
              <input type="hidden" name="kind" value={kind} />
              <PartFields kind={kind} categories={categories} errors={errors} values={values} />
              <SubmitWithLink submit={t("funding.part.add")} intent="addPart" to={here} link={t("funding.part.cancel")} />
            </Form>
          ) : (
            <Form method="get" action={here}>
              <Select
                name="add"
                label={t("funding.part.chooseKind")}
                options={PART_KINDS.map((k) => ({ value: k, label: t(`funding.part.kind.${k}` as MessageKey) }))}
              />
              <SubmitButton kind="secondary">{t("funding.part.addAnother")}</SubmitButton>
            </Form>
          )
        ) : null}
      </TwoThirdsPage>

      <h2 className="govuk-heading-m">{formula.appliedAt ? t("funding.applied") : t("funding.preview")}</h2>
      {allocation ? (
        <>
          <dl className="govuk-summary-list">
            <SummaryRow label={t("funding.countedOn")}>{formatDate(allocation.day)}</SummaryRow>
            <SummaryRow label={t("funding.authorityTotal")}>{formatPence(allocation.authorityPence)}</SummaryRow>
            <SummaryRow label={t("funding.matchTotal")}>{formatPence(allocation.matchPence)}</SummaryRow>
            <SummaryRow label={t("funding.total")}>{formatPence(allocation.totalPence)}</SummaryRow>
          </dl>
          <p className="govuk-body">
            <a className="govuk-link" href={`/funding/${formula.id}/allocation.csv`} download>
              {t("funding.download")}
            </a>
          </p>
          <ItemTable
            caption={t("funding.byConsortium")}
            columns={[
              {
                label: t("funding.csv.consortium"),
                cell: (c) => (
                  <Link className="govuk-link" to={`${here}?consortium=${c.consortiumId}#schools`}>
                    {c.name}
                    <span className="govuk-visually-hidden"> {t("funding.seeSchools")}</span>
                  </Link>
                ),
              },
              { label: t("funding.schools"), numeric: true, cell: (c) => c.schools },
              { label: t("funding.csv.authority"), numeric: true, cell: (c) => formatPence(c.authorityPence) },
              { label: t("funding.matchColumn"), numeric: true, cell: (c) => formatPence(c.matchPence) },
              { label: t("funding.total"), numeric: true, cell: (c) => formatPence(c.totalPence) },
              {
                label: t("funding.csv.working"),
                cell: (c) => c.parts.map((p) => `${formula.parts[p.part]?.label ?? ""}: ${describeWorking(p.working)}`).join("; "),
              },
            ]}
            items={allocation.consortia}
            rowKey={(c) => c.consortiumId}
          />
          <div id="schools">
            {chosen ? (
              <ItemTable
                caption={t("funding.bySchool", { consortium: chosen.name })}
                columns={[
                  { label: t("funding.csv.school"), cell: (s) => s.name },
                  { label: t("funding.csv.pupils"), numeric: true, cell: (s) => s.pupils },
                  { label: t("funding.csv.category"), cell: (s) => s.category ?? "" },
                  { label: t("funding.csv.mouSigned"), cell: (s) => (s.signedMou ? t("funding.csv.yes") : t("funding.csv.no")) },
                  { label: t("funding.csv.authority"), numeric: true, cell: (s) => formatPence(s.authorityPence) },
                  { label: t("funding.matchColumn"), numeric: true, cell: (s) => formatPence(s.matchPence) },
                  {
                    label: t("funding.csv.working"),
                    cell: (s) => [...s.parts, ...s.match].map((p) => `${formula.parts[p.part]?.label ?? ""}: ${describeWorking(p.working)}`).join("; "),
                  },
                ]}
                items={allocation.schools}
                rowKey={(s) => s.schoolId}
              />
            ) : (
              <p className="govuk-body">{t("funding.chooseConsortium")}</p>
            )}
          </div>
        </>
      ) : null}

      {toPost ? (
        <>
          <ItemTable
            caption={t("funding.toPost", { count: postLines?.length ?? 0 })}
            columns={[
              { label: t("funding.csv.consortium"), cell: (c) => c.name },
              { label: t("funding.line.authority"), numeric: true, cell: (c) => formatPence(c.authorityPence) },
              {
                label: t("funding.line.match"),
                numeric: true,
                cell: (c) => (c.matchSchools ? t("funding.line.matchFrom", { amount: formatPence(c.matchPence), count: c.matchSchools }) : formatPence(0)),
              },
              { label: t("funding.entries"), numeric: true, cell: (c) => c.entries },
            ]}
            items={toPost}
            rowKey={(c) => c.consortiumId}
          />
          <MatchFundingPreview rows={toRaise ?? []} />
          {formula.latest && formula.parts.length ? <ButtonLink to={`${here}?confirm=apply`}>{t("funding.apply")}</ButtonLink> : null}
        </>
      ) : null}
      {formula.appliedAt && formula.latest ? (
        <Form method="post">
          <p className="govuk-body">{t("funding.reviseHint")}</p>
          <SubmitButton intent="revise" kind="secondary">
            {t("funding.revise", { version: formula.version + 1 })}
          </SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
