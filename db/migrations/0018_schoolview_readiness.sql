CREATE TABLE "readiness_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"judgement" text NOT NULL,
	"rating" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agrees" boolean NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "readiness_judgements" ADD CONSTRAINT "readiness_judgements_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_judgements" ADD CONSTRAINT "readiness_judgements_snapshot_id_readiness_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."readiness_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_responses" ADD CONSTRAINT "readiness_responses_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_responses" ADD CONSTRAINT "readiness_responses_snapshot_id_readiness_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."readiness_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_responses" ADD CONSTRAINT "readiness_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_snapshots" ADD CONSTRAINT "readiness_snapshots_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_snapshots" ADD CONSTRAINT "readiness_snapshots_consortium_id_consortia_organisation_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_snapshots" ADD CONSTRAINT "readiness_snapshots_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_judgements_snapshot_idx" ON "readiness_judgements" USING btree ("snapshot_id","judgement");--> statement-breakpoint
CREATE INDEX "readiness_responses_snapshot_idx" ON "readiness_responses" USING btree ("snapshot_id","created_at");--> statement-breakpoint
CREATE INDEX "readiness_snapshots_consortium_idx" ON "readiness_snapshots" USING btree ("authority_id","consortium_id","assessed_on");