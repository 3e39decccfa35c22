import { Text } from "@react-email/components";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type StripePaymentProps = {
  outcome: "paid" | "processing" | "failed" | "refunded" | "disputed";
  invoiceNumber: string;
  schoolName: string;
  amountPence: number;
  url: string;
};

export const subject = (p: StripePaymentProps) =>
  t("email.stripePayment.subject", { heading: t(`email.stripePayment.heading.${p.outcome}`), invoice: p.invoiceNumber });

export default function StripePayment(p: StripePaymentProps) {
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>{t(`email.stripePayment.body.${p.outcome}`, { amount: formatPence(p.amountPence), school: p.schoolName, invoice: p.invoiceNumber })}</Text>
      <ActionLink url={p.url} label={t("email.stripePayment.button")} />
    </EmailLayout>
  );
}

StripePayment.PreviewProps = {
  outcome: "paid",
  invoiceNumber: "ARD-INV-2026-000012",
  schoolName: "Riverside Primary School",
  amountPence: 95_000,
  url: "http://localhost:3000/invoices/00000000-0000-0000-0000-000000000000",
} satisfies StripePaymentProps;
