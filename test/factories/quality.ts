// A small authority with everyone the QA workflow needs, and offers in any state.
import type { Database } from "#db/client";
import { loadMemberships } from "~/auth/user.server";
import { RUBRIC_CRITERIA, schema, type RubricCriterion } from "~/db.server";
import type { Actor } from "~/domain/actor";
import type { OfferFields } from "~/domain/catalogue/offer-schema";
import { saveOffer } from "~/domain/catalogue/save-offer.server";
import { submitReview, type ReviewInput } from "~/domain/quality/submit-review.server";
import { takeReview } from "~/domain/quality/take-review.server";
import { addMembership, createAuthority, createMember, createOrganisation, createProvider, createSchool, createUser } from "./tenancy";

export const completeFields = (overrides: Partial<OfferFields> = {}): OfferFields => ({
  title: "Talk for Writing: whole-school training",
  summary: "Two days of training for every teacher, with follow-up coaching.",
  description: "Teachers learn to teach writing through imitation, innovation and invention.",
  titleCy: "",
  summaryCy: "",
  descriptionCy: "",
  subjectAreas: ["literacy", "teaching_and_learning"],
  phases: ["primary"],
  deliveryFormat: "in_school",
  duration: "Two days and three twilight sessions",
  capacityUnit: "schools",
  minCapacity: 1,
  maxCapacity: 20,
  pricingModel: "per_school",
  priceTiers: [
    { minSchools: 1, maxSchools: 4, unitPricePence: 90000 },
    { minSchools: 5, maxSchools: 9, unitPricePence: 75000 },
    { minSchools: 10, maxSchools: null, unitPricePence: 60000 },
  ],
  vatTreatment: { la_maintained: "outside_scope", academy: "standard", other: "standard" },
  outcomes: "Pupils write at greater length and with more control.",
  evidence: "Evaluated in 40 schools over two years.",
  evidenceStrength: "moderate",
  terms: ["autumn", "spring"],
  deliveryTerms: "Dates agreed with each school at least four weeks ahead.",
  cancellationTerms: "Full refund up to 14 days before delivery.",
  cancellationNoticeDays: 14,
  ...overrides,
});

/** Memberships as the app loads them for a signed-in user acting in this authority. */
export async function actorFor(db: Database, userId: string, authorityId?: string): Promise<Actor> {
  const memberships = await loadMemberships(db, userId);
  return { id: userId, grants: authorityId ? memberships.filter((m) => m.authorityId === authorityId) : memberships };
}

export async function createBoard(db: Database, authorityId: string) {
  const organisation = await createOrganisation(db, authorityId, "improvement_board", "Primary Improvement Board");
  await db.insert(schema.improvementBoards).values({ organisationId: organisation.id, authorityId, phase: "primary" });
  return organisation;
}

/** A head of a school who sits on the board's QA panel. */
export async function createPanelMember(db: Database, board: { id: string; authorityId: string }, { chair = false } = {}) {
  const { organisation: school } = await createSchool(db, board.authorityId);
  const user = await createUser(db);
  await addMembership(db, { userId: user.id, organisationId: school.id, authorityId: board.authorityId, role: "headteacher" });
  await addMembership(db, { userId: user.id, organisationId: board.id, authorityId: board.authorityId, role: "qa_panel_member", chair });
  return { user, school };
}

export async function createQaWorld(db: Database) {
  const authority = await createAuthority(db);
  const office = await createOrganisation(db, authority.id, "authority_office");
  const laAdmin = await createMember(db, office, "la_admin");
  const commissionerUser = await createUser(db);
  await addMembership(db, {
    userId: commissionerUser.id,
    organisationId: office.id,
    authorityId: authority.id,
    role: "commissioner",
    subjectAreas: ["literacy", "numeracy"],
  });
  const board = await createBoard(db, authority.id);
  const chair = await createPanelMember(db, board, { chair: true });
  const panelOne = await createPanelMember(db, board);
  const panelTwo = await createPanelMember(db, board);
  const provider = await createProvider(db, authority.id);
  const providerAdmin = await createMember(db, provider, "provider_admin");
  const providerStaff = await createMember(db, provider, "provider_staff");
  const unverified = await createProvider(db, authority.id, { kind: "consultant", verified: false });
  const unverifiedAdmin = await createMember(db, unverified, "provider_admin");
  // A school that offers school-to-school support, whose head sits on the panel.
  const supportHead = await createPanelMember(db, board);
  const schoolProvider = await createProvider(db, authority.id, { kind: "school_to_school", schoolId: supportHead.school.id });
  const schoolProviderAdmin = await createMember(db, schoolProvider, "provider_admin");

  const otherAuthority = await createAuthority(db);
  const otherBoard = await createBoard(db, otherAuthority.id);
  const otherPanel = await createPanelMember(db, otherBoard, { chair: true });

  const a = authority.id;
  return {
    authority,
    office,
    board,
    provider,
    unverified,
    schoolProvider,
    otherAuthority,
    users: {
      laAdmin,
      commissioner: commissionerUser,
      chair: chair.user,
      panelOne: panelOne.user,
      panelTwo: panelTwo.user,
      providerAdmin,
      providerStaff,
      unverifiedAdmin,
      supportHead: supportHead.user,
      schoolProviderAdmin,
      otherPanel: otherPanel.user,
    },
    actor: (user: { id: string }, authorityId = a) => actorFor(db, user.id, authorityId),
  };
}
export type QaWorld = Awaited<ReturnType<typeof createQaWorld>>;

const APP_URL = "http://localhost:3000";

/** A review that scores every criterion 3 and recommends approval. */
export const goodReview: ReviewInput = {
  conflict: false,
  scores: Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, 3])) as Record<RubricCriterion, number>,
  comments: Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, "Sound"])) as Record<RubricCriterion, string>,
  overallComment: "A credible offer",
  recommendation: "approve",
};

/** A new offer of the world's provider, sent to the panel by its administrator. */
export async function submittedOffer(db: Database, w: QaWorld, fields = completeFields()) {
  return saveOffer(db, {
    actor: await w.actor(w.users.providerAdmin),
    authorityId: w.authority.id,
    providerId: w.provider.id,
    fields,
    intent: "submit",
    appUrl: APP_URL,
  });
}

/** Two panel members take the revision and submit good reviews: the quorum a decision needs. */
export async function reviewTwice(db: Database, w: QaWorld, revisionId: string) {
  for (const u of [w.users.panelOne, w.users.panelTwo]) {
    const actor = await w.actor(u);
    await takeReview(db, { actor, authorityId: w.authority.id, revisionId });
    await submitReview(db, { actor, authorityId: w.authority.id, revisionId, input: goodReview });
  }
}
