-- The catalogue's search: its filters (phases, subject areas, terms) as one GIN index, ANDed with the words'
-- index before any row is read; and from each revision found to the offer it is live for.
CREATE INDEX "offer_revisions_filters_idx" ON "offer_revisions" USING gin ("phases","subject_areas","terms");--> statement-breakpoint
CREATE INDEX "offers_live_revision_idx" ON "offers" USING btree ("live_revision_id");