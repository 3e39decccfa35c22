ALTER TABLE "mous" ADD COLUMN "title_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mous" ADD COLUMN "body_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "readiness_judgements" ADD COLUMN "evidence_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "readiness_judgements" ADD COLUMN "rationale_cy" text DEFAULT '' NOT NULL;