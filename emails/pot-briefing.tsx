import { Text } from "@react-email/components";
import { formatMonth, formatPence } from "~/format";
import { t, type MessageKey } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type PotBriefingProps = {
  consortiumName: string;
  /** "2026-10" */
  month: string;
  /** Amounts in pence. */
  openingPence: number;
  fundingInPence: number;
  spentPence: number;
  sharedBackPence: number;
  committedPence: number;
  closingPence: number;
  url: string;
};

const monthOf = (p: PotBriefingProps) => formatMonth(`${p.month}-01`);

export const subject = (p: PotBriefingProps) => t("email.potBriefing.subject", { consortium: p.consortiumName, month: monthOf(p) });

const LINES: [MessageKey, keyof PotBriefingProps][] = [
  ["email.potBriefing.opening", "openingPence"],
  ["email.potBriefing.fundingIn", "fundingInPence"],
  ["email.potBriefing.spent", "spentPence"],
  ["email.potBriefing.sharedBack", "sharedBackPence"],
  ["email.potBriefing.closing", "closingPence"],
  ["email.potBriefing.committed", "committedPence"],
];

export default function PotBriefing(p: PotBriefingProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>{t("email.potBriefing.intro", { consortium: p.consortiumName, month: monthOf(p) })}</Text>
      {LINES.map(([label, field]) => (
        <Text key={field} style={{ margin: "4px 0" }}>
          {t("email.amountLine", { label: t(label) })}
          <strong>{formatPence(p[field] as number)}</strong>
        </Text>
      ))}
      <ActionLink url={p.url} label={t("email.potBriefing.button")} />
    </EmailLayout>
  );
}

PotBriefing.PreviewProps = {
  consortiumName: "Avon Valley Consortium",
  month: "2026-10",
  openingPence: 2_420_000,
  fundingInPence: 0,
  spentPence: 135_000,
  sharedBackPence: 21_250,
  committedPence: 90_000,
  closingPence: 2_306_250,
  url: "http://localhost:3000/pot-briefing?consortium=00000000-0000-0000-0000-000000000000&month=2026-10",
} satisfies PotBriefingProps;
