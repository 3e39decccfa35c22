CREATE TABLE "delivery_confirmations" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"order_id" uuid,
	"collective_purchase_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_sessions_owner_check" CHECK (("delivery_sessions"."order_id" is null) <> ("delivery_sessions"."collective_purchase_id" is null)),
	CONSTRAINT "delivery_sessions_capacity_check" CHECK ("delivery_sessions"."capacity" >= 1 and "delivery_sessions"."duration_minutes" >= 1)
);
--> statement-breakpoint
CREATE TABLE "evaluation_requests" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"evaluator_user_id" uuid,
	"named_by" uuid,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"priorities" text NOT NULL,
	"quality" integer NOT NULL,
	"impact" integer NOT NULL,
	"value_for_money" integer NOT NULL,
	"would_recommend" boolean NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"adviser_question" text,
	"adviser_id" uuid,
	"signed_off_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluations_scores_check" CHECK ("evaluations"."quality" between 1 and 4 and "evaluations"."impact" between 1 and 4 and "evaluations"."value_for_money" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "impact_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"measure" text NOT NULL,
	"baseline" text NOT NULL,
	"follow_up" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_ratings" (
	"offer_id" uuid PRIMARY KEY NOT NULL,
	"authority_id" uuid NOT NULL,
	"evaluations" integer DEFAULT 0 NOT NULL,
	"score_sum" integer DEFAULT 0 NOT NULL,
	"re_review_requested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "rating_settings" (
	"authority_id" uuid PRIMARY KEY NOT NULL,
	"threshold_hundredths" integer NOT NULL,
	"min_evaluations" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_settings_range_check" CHECK ("rating_settings"."threshold_hundredths" between 100 and 400 and "rating_settings"."min_evaluations" >= 1)
);
--> statement-breakpoint
CREATE TABLE "session_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"delegate_name" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"booked_at" timestamp with time zone,
	"attended" boolean,
	"attendance_recorded_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "delivery_confirmations" ADD CONSTRAINT "delivery_confirmations_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_confirmations" ADD CONSTRAINT "delivery_confirmations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_confirmations" ADD CONSTRAINT "delivery_confirmations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_collective_purchase_id_collective_purchases_id_fk" FOREIGN KEY ("collective_purchase_id") REFERENCES "public"."collective_purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_sessions" ADD CONSTRAINT "delivery_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_evaluator_user_id_users_id_fk" FOREIGN KEY ("evaluator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_named_by_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_adviser_id_users_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_follow_ups" ADD CONSTRAINT "impact_follow_ups_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_follow_ups" ADD CONSTRAINT "impact_follow_ups_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_follow_ups" ADD CONSTRAINT "impact_follow_ups_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_follow_ups" ADD CONSTRAINT "impact_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_ratings" ADD CONSTRAINT "offer_ratings_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_ratings" ADD CONSTRAINT "offer_ratings_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_delivered_by_users_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_settings" ADD CONSTRAINT "rating_settings_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_settings" ADD CONSTRAINT "rating_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_session_id_delivery_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."delivery_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_school_id_schools_organisation_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_places" ADD CONSTRAINT "session_places_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_confirmations_authority_idx" ON "delivery_confirmations" USING btree ("authority_id","outcome");--> statement-breakpoint
CREATE INDEX "delivery_sessions_order_idx" ON "delivery_sessions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "delivery_sessions_collective_idx" ON "delivery_sessions" USING btree ("collective_purchase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_order_idx" ON "evaluations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "evaluations_offer_idx" ON "evaluations" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "evaluations_school_idx" ON "evaluations" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "impact_follow_ups_evaluation_idx" ON "impact_follow_ups" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "impact_follow_ups_authority_idx" ON "impact_follow_ups" USING btree ("authority_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_milestones_position_idx" ON "order_milestones" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "session_places_session_idx" ON "session_places" USING btree ("session_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "session_places_order_idx" ON "session_places" USING btree ("order_id");