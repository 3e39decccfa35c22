-- The catalogue's search reads one table: each offer with a live revision, its sale state and its live revision's
-- search columns. Triggers keep it in step in the transaction that changes the offer or that revision.
CREATE TABLE "catalogue_search" (
	"offer_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"live_revision_id" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	"approval_expires_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"subject_areas" text[] NOT NULL,
	"phases" text[] NOT NULL,
	"terms" text[] NOT NULL,
	"delivery_format" text,
	"from_price_pence" bigint,
	"search_vector" "tsvector" NOT NULL,
	"search_vector_cy" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_search" ADD CONSTRAINT "catalogue_search_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_search" ADD CONSTRAINT "catalogue_search_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_search_words_idx" ON "catalogue_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "catalogue_search_words_cy_idx" ON "catalogue_search" USING gin ("search_vector_cy");--> statement-breakpoint
CREATE INDEX "catalogue_search_filters_idx" ON "catalogue_search" USING gin ("phases","subject_areas","terms");--> statement-breakpoint
CREATE INDEX "catalogue_search_newest_idx" ON "catalogue_search" USING btree ("authority_id","approved_at" DESC NULLS LAST);--> statement-breakpoint
CREATE FUNCTION catalogue_search_refresh(changed uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM catalogue_search WHERE offer_id = changed;
  INSERT INTO catalogue_search (offer_id, authority_id, provider_id, live_revision_id, approved_at, approval_expires_at, suspended_at,
    subject_areas, phases, terms, delivery_format, from_price_pence, search_vector, search_vector_cy)
  SELECT o.id, o.authority_id, o.provider_id, o.live_revision_id, o.approved_at, o.approval_expires_at, o.suspended_at,
    r.subject_areas, r.phases, r.terms, r.delivery_format, r.from_price_pence, r.search_vector, r.search_vector_cy
  FROM offers o JOIN offer_revisions r ON r.id = o.live_revision_id
  WHERE o.id = changed;
$$;
--> statement-breakpoint
CREATE FUNCTION catalogue_search_from_offer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_search_refresh(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION catalogue_search_from_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  revision uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
  PERFORM catalogue_search_refresh(o.id) FROM offers o WHERE o.live_revision_id = revision;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalogue_search_offer AFTER INSERT OR UPDATE OF authority_id, provider_id, live_revision_id, approved_at, approval_expires_at, suspended_at
  ON offers FOR EACH ROW EXECUTE FUNCTION catalogue_search_from_offer();
--> statement-breakpoint
CREATE TRIGGER catalogue_search_revision AFTER INSERT OR UPDATE OR DELETE ON offer_revisions FOR EACH ROW EXECUTE FUNCTION catalogue_search_from_revision();
--> statement-breakpoint
-- The offers on sale or once on sale before this migration, through the same function the triggers call.
SELECT catalogue_search_refresh(id) FROM offers WHERE live_revision_id IS NOT NULL;
