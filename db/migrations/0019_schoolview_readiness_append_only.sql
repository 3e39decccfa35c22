-- A readiness snapshot is a record of what was judged on a day, and the lead's answer of what they said: rows are added, never changed.
CREATE TRIGGER readiness_snapshots_append_only BEFORE UPDATE OR DELETE ON readiness_snapshots FOR EACH ROW EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER readiness_snapshots_no_truncate BEFORE TRUNCATE ON readiness_snapshots FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER readiness_judgements_append_only BEFORE UPDATE OR DELETE ON readiness_judgements FOR EACH ROW EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER readiness_judgements_no_truncate BEFORE TRUNCATE ON readiness_judgements FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER readiness_responses_append_only BEFORE UPDATE OR DELETE ON readiness_responses FOR EACH ROW EXECUTE FUNCTION forbid_change();
--> statement-breakpoint
CREATE TRIGGER readiness_responses_no_truncate BEFORE TRUNCATE ON readiness_responses FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
