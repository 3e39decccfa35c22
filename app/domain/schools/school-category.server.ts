import { and, desc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";

/** What the school page's category section shows: its latest category, the history and the school's adviser. */
export type SchoolCategory = {
  current: string | null;
  history: { category: string; year: string; setOn: string; setBy: string | null }[];
  adviser: string | null;
};

export async function loadSchoolCategory(db: Queryable, { authorityId, schoolId }: { authorityId: string; schoolId: string }): Promise<SchoolCategory> {
  const { schoolCategories, schoolAdvisers, schools, users } = schema;
  // The school row keeps its latest category (recordCategory updates it with each newer decision).
  const [school] = await db
    .select({ category: schools.category })
    .from(schools)
    .where(and(eq(schools.organisationId, schoolId), eq(schools.authorityId, authorityId)));
  const history = await db
    .select({ category: schoolCategories.category, year: schoolCategories.academicYear, setOn: schoolCategories.decidedOn, setBy: users.name })
    .from(schoolCategories)
    .leftJoin(users, eq(users.id, schoolCategories.setBy))
    .where(and(eq(schoolCategories.schoolId, schoolId), eq(schoolCategories.authorityId, authorityId)))
    .orderBy(desc(schoolCategories.academicYear), desc(schoolCategories.decidedOn), desc(schoolCategories.createdAt));
  const [adviser] = await db
    .select({ name: users.name })
    .from(schoolAdvisers)
    .innerJoin(users, eq(users.id, schoolAdvisers.adviserUserId))
    .where(and(eq(schoolAdvisers.schoolId, schoolId), eq(schoolAdvisers.authorityId, authorityId)));
  return { current: school?.category ?? null, history, adviser: adviser?.name ?? null };
}
