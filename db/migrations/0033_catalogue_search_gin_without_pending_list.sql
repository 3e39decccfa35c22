DROP INDEX "catalogue_search_words_idx";--> statement-breakpoint
DROP INDEX "catalogue_search_words_cy_idx";--> statement-breakpoint
DROP INDEX "catalogue_search_filters_idx";--> statement-breakpoint
CREATE INDEX "catalogue_search_words_idx" ON "catalogue_search" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalogue_search_words_cy_idx" ON "catalogue_search" USING gin ("search_vector_cy") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalogue_search_filters_idx" ON "catalogue_search" USING gin ("phases","subject_areas","terms") WITH (fastupdate=false);