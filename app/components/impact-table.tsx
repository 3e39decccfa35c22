import { Table } from "~/components/table";
import { formatDate } from "~/format";
import { t } from "~/i18n";

type Row = { id: string; schoolName: string; title: string; outcome: string; measure: string; baseline: string; followUp: string; recordedAt: string | Date };

/** Schools' follow-ups a term after the support: the measure, its baseline and its value now. */
export function ImpactTable({ caption, rows }: { caption: string; rows: Row[] }) {
  if (rows.length === 0) return <p className="govuk-body">{t("impact.none")}</p>;
  return (
    <Table
      caption={caption}
      columns={[
        { label: t("impact.school") },
        { label: t("impact.offer") },
        { label: t("impact.outcome") },
        { label: t("impact.measure") },
        { label: t("impact.baseline") },
        { label: t("impact.followUp") },
        { label: t("impact.recordedOn") },
      ]}
      rows={rows.map((r) => ({
        key: r.id,
        cells: [r.schoolName, r.title, r.outcome, r.measure, r.baseline, r.followUp, formatDate(r.recordedAt)],
      }))}
    />
  );
}
