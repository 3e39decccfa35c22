import { ItemTable } from "~/components/table";
import { formatDate } from "~/format";
import { t } from "~/i18n";

type Row = { id: string; schoolName: string; title: string; outcome: string; measure: string; baseline: string; followUp: string; recordedAt: string | Date };

/** Schools' follow-ups a term after the support: the measure, its baseline and its value now. */
export function ImpactTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <ItemTable
      caption={caption}
      columns={[
        { label: t("impact.school"), cell: (r) => r.schoolName },
        { label: t("impact.offer"), cell: (r) => r.title },
        { label: t("impact.outcome"), cell: (r) => r.outcome },
        { label: t("impact.measure"), cell: (r) => r.measure },
        { label: t("impact.baseline"), cell: (r) => r.baseline },
        { label: t("impact.followUp"), cell: (r) => r.followUp },
        { label: t("impact.recordedOn"), cell: (r) => formatDate(r.recordedAt) },
      ]}
      items={rows}
      empty={t("impact.none")}
    />
  );
}
