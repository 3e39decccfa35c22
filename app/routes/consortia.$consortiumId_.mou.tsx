import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { consortiumPageRequest, requireActing } from "./purchasing.server";
import { Select, TextArea, TextInput, SubmitButton, useFormAnswer } from "~/components/forms";
import { langOf, WrittenLanguageNote } from "~/components/offer-language";
import { ItemTable } from "~/components/table";
import { TwoThirdsPage } from "~/components/form-page";
import { donePath } from "~/done";
import { londonToday } from "~/domain/commissioning/commissioning.server";
import { mouPage } from "~/domain/mou/mou-page.server";
import { publishMou } from "~/domain/mou/publish-mou.server";
import { signMou } from "~/domain/mou/sign-mou.server";
import { text } from "~/forms/fields";
import { formatDate } from "~/format";
import { invalid, parseForm } from "~/forms.server";
import { currentLocale, t } from "~/i18n";
import { pageTitle } from "~/page-title";
import { attempt, orErrorPage } from "~/refusals.server";

const MouSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("publish"),
    financialYear: z.string({ message: t("funding.error.year") }).regex(/^\d{4}-\d{2}$/, t("funding.error.year")),
    title: text({ label: t("mou.titleField"), max: 200, required: t("mou.error.title") }),
    body: text({ label: t("mou.body"), max: 20_000, required: t("mou.error.body"), multiline: true }),
    titleCy: text({ label: t("mou.field.titleCy"), max: 200 }),
    bodyCy: text({ label: t("mou.field.bodyCy"), max: 20_000, multiline: true }),
  }),
  z.object({
    intent: z.literal("sign"),
    mouId: z.string().max(100),
    signerName: text({ label: t("mou.signerName"), max: 200, required: t("mou.error.signerName") }),
  }),
]);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? t("mou.title", { consortium: data.consortium.name, year: data.financialYear }) : t("mou.heading"), data);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const year = new URL(request.url).searchParams.get("year");
  const page = await orErrorPage(() => mouPage(context.db, { ...consortiumPageRequest(user, authorityId, params.consortiumId), year }));
  return { ...page, userName: user.name };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, authorityId } = await requireActing(request, context);
  const consortiumId = params.consortiumId ?? "";
  const form = await parseForm(request, MouSchema, "funding.error.unreadable");
  if (!form.ok) return invalid(form.errors, form.values);
  const { values } = form;
  if (form.data.intent === "publish") {
    const { financialYear, title, body, titleCy, bodyCy } = form.data;
    const done = await attempt(() => publishMou(context.db, { actor: user, authorityId, consortiumId, financialYear, title, body, titleCy, bodyCy }), values);
    if (!done.ok) return done.response;
    return redirect(donePath(`/consortia/${done.value.consortium.id}/mou?year=${financialYear}`, "mouPublished"), { status: 303 });
  }
  const { mouId, signerName } = form.data;
  const schoolId = user.acting?.organisationId ?? "";
  const done = await attempt(() => signMou(context.db, { actor: user, authorityId, schoolId, mouId, signerName, today: londonToday(new Date()) }), values);
  if (!done.ok) return done.response;
  return redirect(donePath(`/consortia/${done.value.mou.consortiumId}/mou?year=${done.value.mou.financialYear}`, "mouSigned"), { status: 303 });
}

export default function ConsortiumMou() {
  const { consortium, financialYear, years, latest, earlier, schools, signedCount, memberCount, canPublish, signing, userName } =
    useLoaderData<typeof loader>();
  const { errors, field } = useFormAnswer();
  const here = `/consortia/${consortium.id}/mou`;
  const locale = currentLocale();
  return (
    <TwoThirdsPage caption={consortium.name} title={t("mou.headingYear", { year: financialYear })} errors={errors}>
      <nav aria-label={t("mou.years")}>
        <ul className="govuk-list govuk-list--inline">
          {years.map((y) => (
            <li key={y}>
              {y === financialYear ? (
                <strong>{y}</strong>
              ) : (
                <Link className="govuk-link" to={`${here}?year=${y}`}>
                  {y}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {latest ? (
        <>
          <h2 className="govuk-heading-m" lang={langOf(latest.words, "title", locale)}>
            {latest.words.title}
          </h2>
          <p className="govuk-body-s">{t("mou.versionPublished", { version: latest.version, date: formatDate(latest.publishedAt) })}</p>
          <WrittenLanguageNote words={latest.words} none="language.mou.notInWelsh" partly="language.mou.partlyInWelsh" className="govuk-body" />
          <div className="govuk-inset-text" lang={langOf(latest.words, "body", locale)}>
            {latest.words.body.split(/\n{2,}/).map((paragraph, i) => (
              <p className="govuk-body app-pre-line" key={i}>
                {paragraph}
              </p>
            ))}
          </div>
          {earlier.length ? <p className="govuk-body-s">{t("mou.earlier", { versions: earlier.map((e) => e.version).join(", ") })}</p> : null}
        </>
      ) : (
        <p className="govuk-body">{t("mou.none", { year: financialYear })}</p>
      )}

      {latest && signing ? (
        signing.signed && signing.signature ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h2 className="govuk-panel__title">{t("mou.signedTitle")}</h2>
            <div className="govuk-panel__body">
              {t("mou.signedBody", {
                school: signing.name,
                name: signing.signature.signerName,
                date: formatDate(signing.signature.signedOn),
                version: signing.signature.version,
              })}
            </div>
          </div>
        ) : (
          <Form method="post" noValidate>
            <h2 className="govuk-heading-m">{t("mou.signHeading", { school: signing.name })}</h2>
            {signing.signature ? <p className="govuk-body">{t("mou.signAgain", { version: signing.signature.version })}</p> : null}
            <p className="govuk-body">{t("mou.signHint", { version: latest.version })}</p>
            <input type="hidden" name="mouId" value={latest.id} />
            <TextInput {...field("signerName", userName)} label={t("mou.signerName")} width="20" autoComplete="name" />
            <SubmitButton intent="sign">{t("mou.sign", { version: latest.version })}</SubmitButton>
          </Form>
        )
      ) : null}

      {schools.length && (canPublish || !signing) ? (
        <ItemTable
          caption={t("mou.signatures", { signed: signedCount, count: memberCount })}
          columns={[
            { label: t("funding.csv.school"), cell: (s) => s.name },
            {
              label: t("mou.status"),
              cell: (s) =>
                s.signed ? (
                  <strong className="govuk-tag govuk-tag--green">{t("mou.signed")}</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--grey">{t("mou.notSigned")}</strong>
                ),
            },
            { label: t("mou.signedBy"), cell: (s) => s.signature?.signerName ?? "" },
            { label: t("mou.signedOn"), cell: (s) => (s.signature ? formatDate(s.signature.signedOn) : "") },
            { label: t("funding.version"), cell: (s) => (s.signature ? s.signature.version : "") },
          ]}
          items={schools}
        />
      ) : null}

      {canPublish ? (
        <Form method="post" noValidate>
          <h2 className="govuk-heading-m">{latest ? t("mou.publishNew") : t("mou.publish")}</h2>
          <Select {...field("financialYear", financialYear)} label={t("funding.year")} options={years.map((y) => ({ value: y, label: y }))} />
          <TextInput {...field("title", latest?.title)} label={t("mou.titleField")} width="30" />
          <TextArea {...field("body", latest?.body)} label={t("mou.body")} hint={t("mou.bodyHint")} rows={12} />
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="mou-welsh-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("mou.welshHeading")}</legend>
            <div id="mou-welsh-hint" className="govuk-hint">
              {t("mou.welshHint")}
            </div>
            <TextInput {...field("titleCy", latest?.titleCy)} label={t("mou.titleCy")} width="30" lang="cy" />
            <TextArea {...field("bodyCy", latest?.bodyCy)} label={t("mou.bodyCy")} rows={12} lang="cy" />
          </fieldset>
          <SubmitButton intent="publish">{t("mou.publishButton")}</SubmitButton>
        </Form>
      ) : null}
    </TwoThirdsPage>
  );
}
