CREATE TABLE "stripe_accounts" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"account_id" text,
	"status" text DEFAULT 'creating' NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_checkouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"session_id" text,
	"url" text,
	"payment_intent_id" text,
	"charge_id" text,
	"payment_method" text,
	"failure_reason" text,
	"refunded_pence" bigint DEFAULT 0 NOT NULL,
	"disputed_at" timestamp with time zone,
	"dispute_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "stripe_checkouts_amount_check" CHECK ("stripe_checkouts"."amount_pence" > 0 and "stripe_checkouts"."refunded_pence" >= 0 and "stripe_checkouts"."refunded_pence" <= "stripe_checkouts"."amount_pence")
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"object_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "stripe_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"checkout_id" uuid NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"refund_id" text,
	"requested_by" uuid,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "stripe_refunds_amount_check" CHECK ("stripe_refunds"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"milestone" text DEFAULT 'delivery' NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text NOT NULL,
	"transfer_id" text,
	"reversed_pence" bigint DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "stripe_transfers_amount_check" CHECK ("stripe_transfers"."amount_pence" > 0 and "stripe_transfers"."reversed_pence" >= 0 and "stripe_transfers"."reversed_pence" <= "stripe_transfers"."amount_pence")
);
--> statement-breakpoint
DROP INDEX "payments_invoice_idx";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "recorded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" text DEFAULT 'bank' NOT NULL;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkouts" ADD CONSTRAINT "stripe_checkouts_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkouts" ADD CONSTRAINT "stripe_checkouts_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkouts" ADD CONSTRAINT "stripe_checkouts_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkouts" ADD CONSTRAINT "stripe_checkouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_refunds" ADD CONSTRAINT "stripe_refunds_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_refunds" ADD CONSTRAINT "stripe_refunds_checkout_id_stripe_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."stripe_checkouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_refunds" ADD CONSTRAINT "stripe_refunds_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_accounts_account_idx" ON "stripe_accounts" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_checkouts_session_idx" ON "stripe_checkouts" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "stripe_checkouts_invoice_idx" ON "stripe_checkouts" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "stripe_checkouts_intent_idx" ON "stripe_checkouts" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE INDEX "stripe_checkouts_charge_idx" ON "stripe_checkouts" USING btree ("charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_refunds_key_idx" ON "stripe_refunds" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_refunds_refund_idx" ON "stripe_refunds" USING btree ("refund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_transfers_order_idx" ON "stripe_transfers" USING btree ("order_id","milestone");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_transfers_transfer_idx" ON "stripe_transfers" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "stripe_transfers_provider_idx" ON "stripe_transfers" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_pence" <> 0);