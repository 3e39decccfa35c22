CREATE TABLE "collective_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"min_schools" integer NOT NULL,
	"max_schools" integer,
	"delegates_per_school" integer DEFAULT 1 NOT NULL,
	"pot_percent_bps" integer,
	"pot_per_school_pence" bigint,
	"pot_cap_pence" bigint,
	"share_method" text DEFAULT 'equal' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"final_unit_price_pence" bigint,
	"total_pence" bigint,
	"pot_contribution_pence" bigint,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"cancelled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collective_purchases_schools_check" CHECK ("collective_purchases"."min_schools" >= 1 and ("collective_purchases"."max_schools" is null or "collective_purchases"."max_schools" >= "collective_purchases"."min_schools"))
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"number" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"net_pence" bigint NOT NULL,
	"vat_pence" bigint NOT NULL,
	"gross_pence" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"authority_id" uuid NOT NULL,
	"series" text NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "document_counters_authority_id_series_pk" PRIMARY KEY("authority_id","series")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_pence" bigint NOT NULL,
	"net_pence" bigint NOT NULL,
	"vat_treatment" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"number" text NOT NULL,
	"order_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"po_number" text,
	"net_pence" bigint NOT NULL,
	"vat_pence" bigint NOT NULL,
	"gross_pence" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"paid_at" timestamp with time zone,
	"credited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"collective_purchase_id" uuid,
	"consortium_id" uuid,
	"pricing_model" text NOT NULL,
	"quantity" integer NOT NULL,
	"delegates" integer DEFAULT 1 NOT NULL,
	"unit_price_pence" bigint NOT NULL,
	"buyer_type" text NOT NULL,
	"vat_treatment" text NOT NULL,
	"net_pence" bigint NOT NULL,
	"pot_contribution_pence" bigint DEFAULT 0 NOT NULL,
	"vat_pence" bigint NOT NULL,
	"payable_pence" bigint NOT NULL,
	"gross_pence" bigint NOT NULL,
	"payment_route" text NOT NULL,
	"po_number" text,
	"status" text NOT NULL,
	"delivery_starts_on" date,
	"idempotency_key" text NOT NULL,
	"placed_by" uuid NOT NULL,
	"pot_request" text,
	"pot_decided_by" uuid,
	"pot_decided_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"provider_share_pence" bigint,
	"authority_share_pence" bigint,
	"pot_share_pence" bigint,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amounts_check" CHECK ("orders"."net_pence" >= 0 and "orders"."vat_pence" >= 0 and "orders"."pot_contribution_pence" >= 0 and "orders"."pot_contribution_pence" <= "orders"."net_pence" and "orders"."gross_pence" = "orders"."net_pence" + "orders"."vat_pence" and "orders"."payable_pence" = "orders"."gross_pence" - "orders"."pot_contribution_pence")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"bank_reference" text NOT NULL,
	"received_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"collective_purchase_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text NOT NULL,
	"delegates" integer DEFAULT 1 NOT NULL,
	"po_number" text,
	"payment_route" text DEFAULT 'invoice' NOT NULL,
	"pledged_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recharges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"cost_centre" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"journal_reference" text NOT NULL,
	"status" text DEFAULT 'posted' NOT NULL,
	"reversed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_revision_id_offer_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."offer_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_purchases" ADD CONSTRAINT "collective_purchases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_revision_id_offer_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."offer_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_collective_purchase_id_collective_purchases_id_fk" FOREIGN KEY ("collective_purchase_id") REFERENCES "public"."collective_purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pot_decided_by_users_id_fk" FOREIGN KEY ("pot_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_collective_purchase_id_collective_purchases_id_fk" FOREIGN KEY ("collective_purchase_id") REFERENCES "public"."collective_purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_pledged_by_users_id_fk" FOREIGN KEY ("pledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharges" ADD CONSTRAINT "recharges_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharges" ADD CONSTRAINT "recharges_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recharges" ADD CONSTRAINT "recharges_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collective_purchases_consortium_idx" ON "collective_purchases" USING btree ("consortium_id","status");--> statement-breakpoint
CREATE INDEX "collective_purchases_due_idx" ON "collective_purchases" USING btree ("status","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_number_idx" ON "credit_notes" USING btree ("authority_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_invoice_idx" ON "credit_notes" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_idx" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("authority_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "invoices_school_idx" ON "invoices" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_idempotency_key_idx" ON "orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "orders_school_idx" ON "orders" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_provider_idx" ON "orders" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_authority_idx" ON "orders" USING btree ("authority_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_collective_idx" ON "orders" USING btree ("collective_purchase_id");--> statement-breakpoint
CREATE INDEX "orders_pot_requests_idx" ON "orders" USING btree ("consortium_id") WHERE pot_request = 'requested';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key_idx" ON "payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pledges_purchase_school_idx" ON "pledges" USING btree ("collective_purchase_id","school_id");--> statement-breakpoint
CREATE INDEX "pledges_school_idx" ON "pledges" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recharges_order_idx" ON "recharges" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recharges_reference_idx" ON "recharges" USING btree ("authority_id","journal_reference");