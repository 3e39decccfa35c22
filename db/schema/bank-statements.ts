import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, pence } from "./columns";
import { userIdColumn } from "./identity";
import { authorityIdColumn } from "./tenancy";

/**
 * A line of the authority's bank statement, as finance uploaded it: what the bank says arrived
 * (or left), to be matched with the payments the ledger recorded by the invoice number quoted in
 * the reference. `line_hash` is the line's date, reference, amount and its occurrence among equal
 * lines of the file, so uploading the same statement twice, or overlapping ones, counts each line once.
 */
export const bankStatementLines = pgTable(
  "bank_statement_lines",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    /** The upload that first brought the line: one id for the lines of one file. */
    uploadId: uuid("upload_id").notNull(),
    lineHash: text("line_hash").notNull(),
    bookedOn: date("booked_on").notNull(),
    reference: text("reference").notNull(),
    /** Integer pence: positive money in, negative money out. */
    amountPence: pence("amount_pence").notNull(),
    /** The line's number in the file it came from. */
    fileLine: integer("file_line").notNull(),
    fileName: text("file_name").notNull(),
    uploadedBy: userIdColumn("uploaded_by"),
    uploadedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bank_statement_lines_hash_idx").on(t.authorityId, t.lineHash),
    index("bank_statement_lines_booked_idx").on(t.authorityId, t.bookedOn),
    check("bank_statement_lines_amount_check", sql`${t.amountPence} <> 0`),
  ],
);
