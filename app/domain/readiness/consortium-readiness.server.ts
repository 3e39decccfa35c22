import type { Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadConsortium } from "~/domain/consortia/load.server";
import { AppError } from "~/domain/errors";
import { textsInLanguage } from "~/domain/catalogue/rules";
import { currentLocale, t, type Locale } from "~/i18n";
import { mayRecordReadiness, mayRespondToReadiness, maySeeReadiness, responsesTo, snapshotsOf } from "./load.server";
import { movements } from "./rules";

/** The texts of a readiness judgement that the authority can give in Welsh. */
export const JUDGEMENT_TEXTS = ["evidence", "rationale"] as const;

/**
 * One consortium's readiness: every snapshot, latest first, each with its movement since the one
 * before and the lead's responses; each judgement's evidence and rationale in the reader's language
 * where the authority gave it (`words`), else in English, saying so.
 */
export async function consortiumReadiness(
  db: Queryable,
  { actor, authorityId, consortiumId, locale = currentLocale() }: { actor: Actor; authorityId: string; consortiumId: string; locale?: Locale },
) {
  const consortium = await loadConsortium(db, authorityId, consortiumId);
  if (!maySeeReadiness(actor, authorityId, consortium.id)) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const snapshots = await snapshotsOf(db, authorityId, [consortium.id]);
  const responses = await responsesTo(
    db,
    authorityId,
    snapshots.map((s) => s.id),
  );
  return {
    consortium,
    snapshots: snapshots.map((s, i) => ({
      ...s,
      judgements: s.judgements.map((j) => ({ ...j, words: textsInLanguage(j, JUDGEMENT_TEXTS, locale) })),
      previousOn: snapshots[i + 1]?.assessedOn ?? null,
      moves: movements(snapshots[i + 1]?.ratings ?? null, s.ratings),
      responses: responses.filter((r) => r.snapshotId === s.id),
    })),
    canRecord: mayRecordReadiness(actor, authorityId),
    canRespond: mayRespondToReadiness(actor, authorityId, consortium.id),
  };
}
