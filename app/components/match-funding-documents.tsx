import type { InvoiceStatus } from "~/db.server";
import type { MatchHow } from "~/domain/funding/rules";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { ItemTable } from "./table";

export type MatchFundingView = {
  invoices: {
    id: string;
    number: string;
    issuedAt: string | Date;
    grossPence: number;
    status: InvoiceStatus;
    version: number;
    balance: { duePence: number };
  }[];
  recharges: { id: string; journalReference: string; createdAt: string | Date; amountPence: number; costCentre: string; version: number }[];
};

/** A school's match funding of a year: its invoices (with what is due on each) and its recharge lines. */
export function MatchFundingDocuments({ year, documents }: { year: string; documents: MatchFundingView }) {
  const empty = documents.invoices.length === 0 && documents.recharges.length === 0;
  return (
    <section aria-labelledby="match-funding">
      <h2 className="govuk-heading-m" id="match-funding">
        {t("matchfunding.school.heading", { year })}
      </h2>
      <p className="govuk-body">{empty ? t("matchfunding.school.none", { year }) : t("matchfunding.school.lead")}</p>
      {documents.invoices.length > 0 ? (
        <ItemTable
          caption={t("matchfunding.school.invoices")}
          columns={[
            { label: t("matchfunding.col.number"), link: (i) => `/invoices/${i.id}`, cell: (i) => i.number },
            { label: t("matchfunding.col.issued"), cell: (i) => formatDate(i.issuedAt) },
            { label: t("matchfunding.col.version"), cell: (i) => i.version },
            { label: t("matchfunding.col.amount"), numeric: true, cell: (i) => formatPence(i.grossPence) },
            { label: t("matchfunding.col.due"), numeric: true, cell: (i) => formatPence(i.balance.duePence) },
            { label: t("matchfunding.col.status"), cell: (i) => t(`invoiceStatus.${i.status}`) },
          ]}
          items={documents.invoices}
        />
      ) : null}
      {documents.recharges.length > 0 ? (
        <ItemTable
          caption={t("matchfunding.school.recharges")}
          columns={[
            { label: t("matchfunding.col.reference"), cell: (r) => r.journalReference },
            { label: t("matchfunding.col.date"), cell: (r) => formatDate(r.createdAt) },
            { label: t("matchfunding.col.costCentre"), cell: (r) => r.costCentre },
            { label: t("matchfunding.col.version"), cell: (r) => r.version },
            { label: t("matchfunding.col.amount"), numeric: true, cell: (r) => formatPence(r.amountPence) },
          ]}
          items={documents.recharges}
        />
      ) : null}
    </section>
  );
}

export type MatchRaiseRow = {
  schoolId: string;
  school: string;
  consortium: string;
  how: MatchHow;
  amountPence: number;
  /** The invoices a credit note is raised on. */
  credits: string[];
};

/** The preview of applying a version: what each school's match line raises, and how. */
export function MatchFundingPreview({ rows }: { rows: readonly MatchRaiseRow[] }) {
  if (rows.length === 0) return <p className="govuk-body">{t("matchfunding.preview.none")}</p>;
  return (
    <>
      <p className="govuk-body">{t("matchfunding.preview.lead")}</p>
      <ItemTable
        caption={t("matchfunding.preview.caption")}
        columns={[
          { label: t("matchfunding.preview.school"), cell: (r) => r.school },
          { label: t("matchfunding.preview.consortium"), cell: (r) => r.consortium },
          { label: t("matchfunding.preview.how"), cell: (r) => t(`matchfunding.how.${r.how}`, { numbers: r.credits.join(", ") }) },
          { label: t("matchfunding.preview.amount"), numeric: true, cell: (r) => formatPence(r.amountPence) },
        ]}
        items={rows}
        rowKey={(r) => r.schoolId}
      />
    </>
  );
}
