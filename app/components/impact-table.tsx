import { ItemTable, type ItemColumn } from "~/components/table";
import { formatDate } from "~/format";
import { t } from "~/i18n";

type FollowUp = { id: string; outcome: string; measure: string; baseline: string; followUp: string; recordedAt: string | Date };
type Row = FollowUp & { schoolName: string; title: string };

/** The outcome, its measure, its baseline, its value now and when it was recorded. */
const followUpColumns = (): ItemColumn<FollowUp>[] => [
  { label: t("impact.outcome"), cell: (r) => r.outcome },
  { label: t("impact.measure"), cell: (r) => r.measure },
  { label: t("impact.baseline"), cell: (r) => r.baseline },
  { label: t("impact.followUp"), cell: (r) => r.followUp },
  { label: t("impact.recordedOn"), cell: (r) => formatDate(r.recordedAt) },
];

/** Schools' follow-ups a term after the support: the measure, its baseline and its value now. */
export function ImpactTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <ItemTable
      caption={caption}
      columns={[{ label: t("impact.school"), cell: (r) => r.schoolName }, { label: t("impact.offer"), cell: (r) => r.title }, ...followUpColumns()]}
      items={rows}
      empty={t("impact.none")}
    />
  );
}

/** The follow-ups of one order, on its own page: without its school and offer. */
export function OrderImpactTable({ caption, rows }: { caption: string; rows: FollowUp[] }) {
  return <ItemTable caption={caption} columns={followUpColumns()} items={rows} empty={t("impact.none")} />;
}
