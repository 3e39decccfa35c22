/** The heading row of a school's finance CSV in Welsh, word for word, as a Welsh school business manager downloads it. */
export const SCHOOL_FINANCE_HEADER_CY = [
  "Dyddiad",
  "Archeb",
  "Cynnig",
  "Darparwr",
  "Cod CFR",
  "Disgrifiad CFR",
  "Net GBP",
  "Talwyd o’r gronfa GBP",
  "TAW GBP",
  "I’w dalu GBP",
  "Dull talu",
  "Statws",
  "Llinell",
  "Cyfeirnod",
];
