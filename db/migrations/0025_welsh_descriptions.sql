ALTER TABLE "journal_entries" ADD COLUMN "description_message" jsonb;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "description_message" jsonb;