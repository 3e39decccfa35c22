import { ItemTable } from "~/components/table";
import type { VAT_TREATMENTS } from "#db/schema/catalogue";
import type { InvoiceLineBasis } from "#db/schema/purchasing-vocabulary";
import { basisSentences } from "~/domain/purchasing/invoice-basis";
import { formatPence } from "~/format";
import { t } from "~/i18n";

export type InvoiceLine = {
  id: string;
  description: string;
  basis: InvoiceLineBasis | null;
  quantity: number;
  unitPricePence: number;
  vatTreatment: (typeof VAT_TREATMENTS)[number];
  netPence: number;
};

/** An invoice's lines as the school, finance and the printed copy read them: each with how its amount was reached. */
export function InvoiceLines({ lines }: { lines: InvoiceLine[] }) {
  return (
    <ItemTable
      caption={t("invoice.lines")}
      captionSize="m"
      rowHeader={false}
      columns={[
        {
          label: t("invoice.description"),
          cell: (line) => (
            <>
              {line.description}
              {basisSentences(line.basis).length > 0 ? (
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="invoice-line-basis">
                  <span className="govuk-visually-hidden">{t("invoiceLine.basis.label")}: </span>
                  {basisSentences(line.basis).map((sentence) => (
                    <span className="govuk-!-display-block" key={sentence}>
                      {sentence}
                    </span>
                  ))}
                </span>
              ) : null}
            </>
          ),
        },
        { label: t("invoice.quantity"), numeric: true, cell: (line) => line.quantity },
        { label: t("invoice.unitPrice"), numeric: true, cell: (line) => formatPence(line.unitPricePence) },
        { label: t("invoice.vatTreatment"), cell: (line) => t(`invoiceVat.${line.vatTreatment}`) },
        { label: t("invoice.net"), numeric: true, cell: (line) => formatPence(line.netPence) },
      ]}
      items={lines}
    />
  );
}
