import { and, desc, eq } from "drizzle-orm";
import { schema, type Queryable } from "~/db.server";
import { goodOrBetter, isFrameworkKey, orderedJudgements } from "./inspection-frameworks";

export type InspectionView = {
  id: string;
  inspectorate: "ofsted" | "estyn";
  /** The framework's key, or its name as recorded when it is none the service knows. */
  framework: string;
  known: boolean;
  inspectedOn: string;
  judgements: [string, string][];
  /** null where the framework gives no overall grade. */
  goodOrBetter: boolean | null;
};

/** A school's inspections, latest first, scoped by its authority. */
export async function schoolInspections(db: Queryable, { authorityId, schoolId }: { authorityId: string; schoolId: string }): Promise<InspectionView[]> {
  const rows = await db
    .select({
      id: schema.inspections.id,
      inspectorate: schema.inspections.inspectorate,
      framework: schema.inspections.framework,
      judgements: schema.inspections.judgements,
      inspectedOn: schema.inspections.inspectedOn,
    })
    .from(schema.inspections)
    .innerJoin(schema.schools, and(eq(schema.schools.organisationId, schema.inspections.schoolId), eq(schema.schools.authorityId, authorityId)))
    .where(eq(schema.inspections.schoolId, schoolId))
    .orderBy(desc(schema.inspections.inspectedOn));
  return rows.map((r) => ({
    id: r.id,
    inspectorate: r.inspectorate,
    framework: r.framework,
    known: isFrameworkKey(r.framework),
    inspectedOn: r.inspectedOn,
    judgements: orderedJudgements(r.framework, r.judgements),
    goodOrBetter: goodOrBetter(r),
  }));
}
