import { CREDIT_NORMAL_KINDS, type AccountKind } from "~/db.server";

/** Is the account's normal side the credit side (stored negative, shown positive)? */
export const isCreditNormal = (kind: AccountKind) => CREDIT_NORMAL_KINDS.includes(kind);

/**
 * The balance as people read it: stored balances are debit-positive, so a credit-normal
 * account (a pot, a payable, income, the funding source, VAT output) is shown negated.
 * A funding source that has paid out therefore reads negative.
 */
export const displayBalance = (kind: AccountKind, balancePence: number) => (isCreditNormal(kind) ? -balancePence : balancePence) || 0;

/** What a guarded pot can still pay out. */
export const availablePence = (kind: AccountKind, balancePence: number) => Math.max(0, displayBalance(kind, balancePence));
