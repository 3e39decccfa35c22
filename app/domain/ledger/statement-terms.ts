// How each kind of account reads to the one who holds it. Pure.
import type { AccountKind } from "~/db.server";
import type { MessageKey } from "~/i18n";

export type StatementTerms = { signNote: MessageKey; closing: MessageKey; closingNegative: MessageKey };

/**
 * Amounts are display-signed (docs/decisions/0005-ledger.md). A school's account is what it owes:
 * a charge is positive (it owes more), a payment or credit negative; a negative balance is owed back
 * to it. A pot reads as what it holds, a provider's as what it is owed.
 */
export function statementTerms(kind: AccountKind): StatementTerms {
  switch (kind) {
    case "school_receivable":
      return { signNote: "terms.school.note", closing: "terms.school.owe", closingNegative: "terms.school.owedBack" };
    case "consortium_pot":
      return { signNote: "terms.pot.note", closing: "terms.pot.holds", closingNegative: "terms.pot.holds" };
    case "provider_payable":
      return { signNote: "terms.provider.note", closing: "terms.provider.owed", closingNegative: "terms.provider.overpaid" };
    default:
      return { signNote: "statement.signNote", closing: "statement.closing", closingNegative: "statement.closing" };
  }
}

/** A movement's cause in words, with a link where there is a page for it. */
export type CauseLabel = { label: string; href: string | null };
export const causeKey = (causeType: string, causeId: string) => `${causeType}:${causeId}`;
