/** Days on either side of 1 April, when a financial year starts, with the year each is in. */
export const FINANCIAL_YEAR_EDGES = [
  ["2027-03-31", "2026-27"],
  ["2027-04-01", "2027-28"],
  ["2026-04-01", "2026-27"],
] as const;
