import { Text } from "@react-email/components";
import type { PaymentRoute } from "~/db.server";
import { formatPence } from "~/format";
import { t } from "~/i18n";
import { ActionLink, EmailLayout } from "./layout";

export type OrderPlacedProps = {
  /** Who reads it: the school that bought, or the provider that sells. */
  audience: "school" | "provider";
  schoolName: string;
  providerName: string;
  offerTitle: string;
  /** What the school pays, in pence, and how. */
  amountPence: number;
  paymentRoute: PaymentRoute;
  url: string;
};

export const subject = (p: OrderPlacedProps) => t(`email.orderPlaced.subject.${p.audience}`, { offer: p.offerTitle, school: p.schoolName });

export default function OrderPlaced(p: OrderPlacedProps) {
  const words = {
    school: p.schoolName,
    offer: p.offerTitle,
    provider: p.providerName,
    amount: formatPence(p.amountPence),
    route: t(`paymentRoute.${p.paymentRoute}`),
  };
  return (
    <EmailLayout preview={subject(p)} heading={subject(p)}>
      <Text>{t(`email.orderPlaced.body.${p.audience}`, words)}</Text>
      <ActionLink url={p.url} label={t("email.seeTheOrder")} />
    </EmailLayout>
  );
}

OrderPlaced.PreviewProps = {
  audience: "school",
  schoolName: "Riverside Primary School",
  providerName: "Arden Traded Services",
  offerTitle: "Phonics leadership programme",
  amountPence: 108_000,
  paymentRoute: "invoice",
  url: "http://localhost:3000/purchases/00000000-0000-0000-0000-000000000000",
} satisfies OrderPlacedProps;
