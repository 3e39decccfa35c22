// Finance's sales: filters, totals and pages.
import type { exports as english } from "../en/exports";
import type { Message } from "../index";
export const exports: Record<keyof typeof english, Message> = {
  "sales.filter.legend": "Hidlo’r gwerthiannau",
  "sales.filter.from": "Archebwyd o",
  "sales.filter.to": "Archebwyd hyd at",
  "sales.filter.dateHint": "Er enghraifft, 1 4 2026",
  "sales.filter.consortium": "Consortiwm",
  "sales.filter.provider": "Darparwr",
  "sales.filter.status": "Statws",
  "sales.filter.route": "Talwyd drwy",
  "sales.filter.any": "Unrhyw un",
  "sales.filter.submit": "Hidlo",
  "sales.filter.clear": "Clirio’r hidlwyr",
  "sales.filter.invalidChoice": "Dewiswch un o’r opsiynau yn y rhestr",
  "sales.totals": "Cyfansymiau’r gwerthiannau a ddangosir",
  "sales.totals.orders": "Archebion",
  "sales.totals.net": "Net",
  "sales.totals.vat": "TAW",
  "sales.totals.gross": "Gros",
  "sales.csvFiltered": "Lawrlwytho’r gwerthiannau hyn (CSV)",
  "sales.pagination": "Tudalennau’r gwerthiannau",
  "sales.captionPage": "Archebion {first} i {last} o {total}, y diweddaraf yn gyntaf",
};
