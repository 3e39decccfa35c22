import { and, eq, isNull, or, sql } from "drizzle-orm";
import { schema, type ProviderKind, type Queryable } from "~/db.server";
import { DEFAULT_SPLIT, LA_TRADED_SERVICES_SPLIT, type SplitRule } from "./split";

const { incomeSplitRules } = schema;

/** The authority's split for a provider kind: its rule for that kind, else its default, else the platform's. */
export async function incomeSplitRuleFor(db: Queryable, authorityId: string, providerKind: ProviderKind): Promise<SplitRule> {
  const [rule] = await db
    .select({ providerBps: incomeSplitRules.providerBps, authorityBps: incomeSplitRules.authorityBps, potBps: incomeSplitRules.potBps })
    .from(incomeSplitRules)
    .where(and(eq(incomeSplitRules.authorityId, authorityId), or(eq(incomeSplitRules.providerKind, providerKind), isNull(incomeSplitRules.providerKind))))
    .orderBy(sql`${incomeSplitRules.providerKind} nulls last`)
    .limit(1);
  return rule ?? (providerKind === "la_traded_services" ? LA_TRADED_SERVICES_SPLIT : DEFAULT_SPLIT);
}

/** Write the platform's default rules for an authority (its default and its own traded services), keeping any already set. */
export async function createDefaultSplitRules(db: Queryable, authorityId: string) {
  await db
    .insert(incomeSplitRules)
    .values([
      { authorityId, providerKind: null, ...DEFAULT_SPLIT },
      { authorityId, providerKind: "la_traded_services", ...LA_TRADED_SERVICES_SPLIT },
    ])
    .onConflictDoNothing();
}
