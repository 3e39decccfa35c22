ALTER TABLE "authorities" ADD COLUMN "default_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "title_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "description_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer_revisions" ADD COLUMN "title_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer_revisions" ADD COLUMN "summary_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer_revisions" ADD COLUMN "description_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "offer_revisions" ADD COLUMN "search_vector_cy" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', translate(lower(coalesce("offer_revisions"."title_cy", '')), 'âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ', 'aeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwy')), 'A') || setweight(to_tsvector('simple', translate(lower(coalesce("offer_revisions"."summary_cy", '')), 'âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ', 'aeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwy')), 'B') || setweight(to_tsvector('simple', translate(lower(coalesce("offer_revisions"."description_cy", '')), 'âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ', 'aeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwyaeiouwy')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "offer_revisions_search_cy_idx" ON "offer_revisions" USING gin ("search_vector_cy");