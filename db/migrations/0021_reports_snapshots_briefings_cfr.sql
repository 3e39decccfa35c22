CREATE TABLE "order_cfr_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"code" text NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pot_briefing_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"month" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "termly_report_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"term" text NOT NULL,
	"figures" jsonb NOT NULL,
	"taken_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_cfr_codes" ADD CONSTRAINT "order_cfr_codes_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_cfr_codes" ADD CONSTRAINT "order_cfr_codes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_cfr_codes" ADD CONSTRAINT "order_cfr_codes_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pot_briefing_sends" ADD CONSTRAINT "pot_briefing_sends_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pot_briefing_sends" ADD CONSTRAINT "pot_briefing_sends_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termly_report_snapshots" ADD CONSTRAINT "termly_report_snapshots_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termly_report_snapshots" ADD CONSTRAINT "termly_report_snapshots_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_cfr_codes_order_idx" ON "order_cfr_codes" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pot_briefing_sends_month_idx" ON "pot_briefing_sends" USING btree ("consortium_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "termly_report_snapshots_term_idx" ON "termly_report_snapshots" USING btree ("authority_id","term");--> statement-breakpoint
CREATE INDEX "orders_paid_idx" ON "orders" USING btree ("authority_id","paid_at") WHERE paid_at is not null;