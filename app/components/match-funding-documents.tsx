import { Link } from "@remix-run/react";
import type { InvoiceStatus } from "~/db.server";
import type { MatchHow } from "~/domain/funding/rules";
import { formatDate, formatPence } from "~/format";
import { t } from "~/i18n";
import { Table } from "./table";

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
        <Table
          caption={t("matchfunding.school.invoices")}
          columns={[
            { label: t("matchfunding.col.number") },
            { label: t("matchfunding.col.issued") },
            { label: t("matchfunding.col.version") },
            { label: t("matchfunding.col.amount"), numeric: true },
            { label: t("matchfunding.col.due"), numeric: true },
            { label: t("matchfunding.col.status") },
          ]}
          rows={documents.invoices.map((i) => ({
            key: i.id,
            cells: [
              <Link className="govuk-link" to={`/invoices/${i.id}`} key="number">
                {i.number}
              </Link>,
              formatDate(i.issuedAt),
              i.version,
              formatPence(i.grossPence),
              formatPence(i.balance.duePence),
              t(`invoiceStatus.${i.status}`),
            ],
          }))}
        />
      ) : null}
      {documents.recharges.length > 0 ? (
        <Table
          caption={t("matchfunding.school.recharges")}
          columns={[
            { label: t("matchfunding.col.reference") },
            { label: t("matchfunding.col.date") },
            { label: t("matchfunding.col.costCentre") },
            { label: t("matchfunding.col.version") },
            { label: t("matchfunding.col.amount"), numeric: true },
          ]}
          rows={documents.recharges.map((r) => ({
            key: r.id,
            cells: [r.journalReference, formatDate(r.createdAt), r.costCentre, r.version, formatPence(r.amountPence)],
          }))}
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
      <Table
        caption={t("matchfunding.preview.caption")}
        columns={[
          { label: t("matchfunding.preview.school") },
          { label: t("matchfunding.preview.consortium") },
          { label: t("matchfunding.preview.how") },
          { label: t("matchfunding.preview.amount"), numeric: true },
        ]}
        rows={rows.map((r) => ({
          key: r.schoolId,
          cells: [r.school, r.consortium, t(`matchfunding.how.${r.how}`, { numbers: r.credits.join(", ") }), formatPence(r.amountPence)],
        }))}
      />
    </>
  );
}
