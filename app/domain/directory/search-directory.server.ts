import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { can } from "~/auth/permissions";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { AppError } from "~/domain/errors";
import { t } from "~/i18n";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from "./directory-query";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every organisation of the authority matching the search and filters, a page at a time. */
export async function searchDirectory(db: Queryable, { actor, authorityId, query }: { actor: Actor; authorityId: string; query: DirectoryQuery }) {
  if (!can(actor.grants, "view:directory", { authorityId })) throw new AppError("FORBIDDEN", t("error.forbidden.body"));
  const { organisations: o, schools: s } = schema;
  const where: SQL[] = [eq(o.authorityId, authorityId)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(o.name, like), eq(s.urn, query.q.toUpperCase()), ilike(s.postcode, like), ilike(s.town, like))!);
  }
  if (query.kinds.length) where.push(inArray(o.kind, query.kinds));
  // School filters narrow to schools: an office has no phase.
  if (query.phases.length) where.push(inArray(s.phase, query.phases));
  if (query.types.length) where.push(inArray(s.establishmentType, query.types));
  if (query.statuses.length) where.push(inArray(s.status, query.statuses));
  const filter = and(...where);
  const from = () =>
    db
      .select({
        id: o.id,
        name: o.name,
        kind: o.kind,
        urn: s.urn,
        phase: s.phase,
        establishmentType: s.establishmentType,
        status: s.status,
        numberOnRoll: s.numberOnRoll,
        town: s.town,
      })
      .from(o)
      .leftJoin(s, and(eq(s.organisationId, o.id), eq(s.authorityId, authorityId)));
  const [{ total }] = await db
    .select({ total: count() })
    .from(o)
    .leftJoin(s, and(eq(s.organisationId, o.id), eq(s.authorityId, authorityId)))
    .where(filter);
  const totalPages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const page = Math.min(query.page, totalPages);
  const column = { name: o.name, kind: o.kind, phase: s.phase, roll: s.numberOnRoll, status: s.status }[query.sort];
  // Organisations without the column (an office has no phase) come last whichever way round.
  const order = query.direction === "descending" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const rows = await from()
    .where(filter)
    .orderBy(order, asc(o.name), asc(o.id))
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((page - 1) * DIRECTORY_PAGE_SIZE);
  return { rows, total, page, totalPages };
}
