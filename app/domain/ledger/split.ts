// How a paid amount is shared between the provider, the authority and the buying consortium's pot:
// the platform's defaults, which the ledger writes for each authority and falls back on, and which
// purchasing applies when it charges. Pure data, so both read it without depending on each other.

export type SplitRule = { providerBps: number; authorityBps: number; potBps: number };

/** Platform defaults when an authority has set no rule of its own. */
export const DEFAULT_SPLIT: SplitRule = { providerBps: 9_000, authorityBps: 500, potBps: 500 };
/** The authority is the provider of its own traded services: it keeps the income and shares some with the pot. */
export const LA_TRADED_SERVICES_SPLIT: SplitRule = { providerBps: 0, authorityBps: 9_000, potBps: 1_000 };
