// What an invoice asks for now, after its credit notes and payments. Pure.

export type InvoiceBalance = { grossPence: number; creditedPence: number; paidPence: number; duePence: number; owedBackPence: number };

/**
 * Due now is the total less what was credited and paid, never below zero; what was paid and
 * then credited as well is owed back to the school.
 */
export function invoiceBalance({ grossPence, creditedPence, paidPence }: { grossPence: number; creditedPence: number; paidPence: number }): InvoiceBalance {
  const settled = creditedPence + paidPence;
  return { grossPence, creditedPence, paidPence, duePence: Math.max(0, grossPence - settled), owedBackPence: Math.max(0, settled - grossPence) };
}
