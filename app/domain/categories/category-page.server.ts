import { desc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import type { Actor } from "~/domain/actor";
import { loadVisibleSchoolRecord } from "~/domain/consortia/load.server";
import { academicYearOf, categoriesOf, triggersDifferentiatedFunding } from "./rules";
import { adviserOf, maySetCategory, nationOf } from "./set-category.server";

const { schoolCategories, users } = schema;

/** A school's category this academic year, its history, its adviser, and whether the viewer may record one. */
export async function categoryPage(
  db: Queryable,
  { actor, authorityId, schoolId, today }: { actor: Actor; authorityId: string; schoolId: string; today: string },
) {
  const school = await loadVisibleSchoolRecord(db, actor, authorityId, schoolId);
  const nation = await nationOf(db, authorityId);
  const history = await db
    .select({
      id: schoolCategories.id,
      academicYear: schoolCategories.academicYear,
      category: schoolCategories.category,
      decidedOn: schoolCategories.decidedOn,
      setBy: users.name,
      createdAt: schoolCategories.createdAt,
    })
    .from(schoolCategories)
    .leftJoin(users, eq(users.id, schoolCategories.setBy))
    .where(eq(schoolCategories.schoolId, school.id))
    .orderBy(desc(schoolCategories.academicYear), desc(schoolCategories.decidedOn), desc(schoolCategories.createdAt));
  const adviserUserId = await adviserOf(db, school.id);
  const [adviser] = adviserUserId ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, adviserUserId)) : [];
  const year = academicYearOf(today);
  const current = history.find((h) => h.academicYear === year) ?? null;
  return {
    school,
    nation,
    year,
    current: current ? { ...current, differentiated: triggersDifferentiatedFunding(nation, current.category) } : null,
    history,
    adviser: adviser ?? null,
    categories: categoriesOf(nation).map((c) => ({ value: c, differentiated: triggersDifferentiatedFunding(nation, c) })),
    canSet: maySetCategory(actor, authorityId, adviserUserId),
    canImport: actor.grants.some((g) => g.authorityId === authorityId && g.role === "la_admin"),
  };
}
