import type { Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { authorityConsortia, mayRecordReadiness, maySeeReadiness, snapshotsOf } from "./load.server";
import { movementCounts, movements } from "./rules";

/**
 * Every consortium the viewer may see against the twelve judgements: its latest snapshot's ratings
 * and how each moved since the snapshot before. A lead sees their own consortium only.
 */
export async function readinessGrid(db: Queryable, { actor, authorityId }: { actor: Actor; authorityId: string }) {
  const visible = (await authorityConsortia(db, authorityId)).filter((c) => maySeeReadiness(actor, authorityId, c.id));
  if (visible.length === 0) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const snapshots = await snapshotsOf(
    db,
    authorityId,
    visible.map((c) => c.id),
  );
  const rows = visible.map((c) => {
    const [latest, previous] = snapshots.filter((s) => s.consortiumId === c.id);
    const moves = latest ? movements(previous?.ratings ?? null, latest.ratings) : {};
    return {
      consortium: c,
      latest: latest ? { id: latest.id, assessedOn: latest.assessedOn, ratings: latest.ratings } : null,
      previousOn: previous?.assessedOn ?? null,
      moves,
      counts: movementCounts(moves),
    };
  });
  return { rows, canRecord: mayRecordReadiness(actor, authorityId) };
}
