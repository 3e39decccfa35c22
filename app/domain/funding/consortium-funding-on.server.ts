import type { Queryable } from "~/db.server";
import { schoolsOfConsortiumOn } from "~/domain/consortia/schools-of-consortium-on.server";
import { consortiumFundingPence } from "./rules";

/** A consortium's devolved funding, by the number of schools it had on the day the funding is set. */
export async function consortiumFundingOn(db: Queryable, consortiumId: string, day: string) {
  const schools = (await schoolsOfConsortiumOn(db, consortiumId, day)).length;
  return { schools, amountPence: consortiumFundingPence(schools) };
}
