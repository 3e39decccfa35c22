import type { AppLoadContext } from "@remix-run/node";
import { beforeAll } from "vitest";
import type { schema } from "~/db.server";
import { useTestDatabase } from "../factories/database";
import { createAccount } from "../factories/identity";
import { createAuthority, createOrganisation, createSchool } from "../factories/tenancy";
import { appContext, sessionCookieFor } from "./context";

type Organisation = typeof schema.organisations.$inferSelect;

/**
 * For a describe block on invitations: a test database of its own with an authority's office, whose
 * administrator Alex Morgan is signed in, a school of the authority and a school of another authority.
 * The world is filled in before the block's tests run.
 */
export function useInvitationWorld() {
  const db = useTestDatabase();
  const w = {} as { context: AppLoadContext; office: Organisation; school: Organisation; foreignSchool: Organisation; adminCookie: string };
  beforeAll(async () => {
    w.context = appContext(db());
    const authority = await createAuthority(db());
    w.office = await createOrganisation(db(), authority.id, "authority_office", "County Office");
    w.school = (await createSchool(db(), authority.id)).organisation;
    w.foreignSchool = (await createSchool(db(), (await createAuthority(db())).id)).organisation;
    const admin = await createAccount(db(), w.office, "la_admin", { name: "Alex Morgan" });
    w.adminCookie = await sessionCookieFor(db(), admin.id, w.office.id);
  });
  return { db, w };
}
