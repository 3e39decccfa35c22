// Demo offers: about forty quality-assured offers across the authority's verified providers, each
// with two panel reviews, plus a queue for the panel from the named providers. Deterministic content.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { approvalExpiry } from "~/domain/quality/offer-workflow";
import type { Database, Tx } from "../client";
import { schema } from "../client";
import type { DELIVERY_FORMATS, OfferPhase, PriceTier, PricingModel, RubricCriterion, SubjectArea, VatTreatment } from "../schema";
import { RUBRIC_CRITERIA } from "../schema";
import { createRandom, seedFrom } from "./random";
import { idsOf } from "~/domain/ids";

type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];

type Template = {
  title: string;
  summary: string;
  subjects: SubjectArea[];
  phases: OfferPhase[];
  format: DeliveryFormat;
  pricing: PricingModel;
  /** The single-school price in pounds; larger groups get the usual collective discounts. */
  price: number;
  duration: string;
};

const T = (
  title: string,
  summary: string,
  subjects: SubjectArea[],
  phases: OfferPhase[],
  format: DeliveryFormat,
  pricing: PricingModel,
  price: number,
  duration: string,
): Template => ({
  title,
  summary,
  subjects,
  phases,
  format,
  pricing,
  price,
  duration,
});

export const OFFER_TEMPLATES: Template[] = [
  T(
    "Talk for Writing: whole-school training",
    "Two days of training for all teaching staff in imitation, innovation and independent application, with a follow-up visit.",
    ["literacy", "teaching_and_learning"],
    ["primary"],
    "in_school",
    "per_school",
    900,
    "Two days plus a follow-up visit",
  ),
  T(
    "Mastery in Maths: teaching for mastery network",
    "A year-long work group for two teachers per school, led by an accredited mastery specialist.",
    ["numeracy", "teaching_and_learning"],
    ["primary"],
    "central_venue",
    "per_school",
    1200,
    "Six sessions over the year",
  ),
  T(
    "Early Years Foundation Stage moderation package",
    "Moderation of EYFS profile judgements with training for Reception teams and a moderation visit.",
    ["early_years", "assessment_and_data"],
    ["early_years", "primary"],
    "in_school",
    "per_school",
    550,
    "One training session and one visit",
  ),
  T(
    "Bespoke school data pack",
    "An analysis of your school's attainment, progress and attendance against similar schools, with a written commentary for governors.",
    ["assessment_and_data"],
    ["primary", "secondary", "special"],
    "data_pack",
    "per_school",
    650,
    "Delivered within three weeks",
  ),
  T(
    "Middle leaders programme",
    "Six modules for subject and phase leaders on leading change, monitoring and coaching colleagues.",
    ["leadership_and_management"],
    ["primary", "secondary"],
    "central_venue",
    "per_delegate",
    450,
    "Six half-day modules",
  ),
  T(
    "Phonics catch-up",
    "Daily small-group phonics intervention for pupils below the expected standard in Year 2, with training for teaching assistants.",
    ["literacy"],
    ["primary"],
    "in_school",
    "per_school",
    780,
    "One term",
  ),
  T(
    "Governor training: financial oversight",
    "An evening session for governing boards on budget monitoring, the Schools Financial Value Standard and benchmarking.",
    ["governance"],
    ["primary", "secondary", "special"],
    "online",
    "fixed_package",
    350,
    "One two-hour session",
  ),
  T(
    "Reading fluency in Key Stage 2",
    "Training in repeated reading, echo reading and prosody, with fluency assessments before and after.",
    ["literacy"],
    ["primary"],
    "central_venue",
    "per_delegate",
    180,
    "Two twilight sessions",
  ),
  T(
    "Securing good: leadership coaching for new headteachers",
    "One-to-one coaching from a National Leader of Education across the first year of headship.",
    ["leadership_and_management"],
    ["primary", "secondary", "special"],
    "coaching",
    "per_school",
    2400,
    "Eight sessions over a year",
  ),
  T(
    "Pupil premium strategy review",
    "An external review of your pupil premium strategy and spending against the evidence, with an action plan.",
    ["disadvantage_and_pupil_premium"],
    ["primary", "secondary"],
    "in_school",
    "fixed_package",
    1100,
    "One day in school and a written report",
  ),
  T(
    "SEND coordinator network",
    "Termly network meetings for SENCOs with updates on statutory duties, provision mapping and EHCP reviews.",
    ["send"],
    ["primary", "secondary", "special"],
    "central_venue",
    "per_school",
    300,
    "Three meetings a year",
  ),
  T(
    "Emotion coaching for school staff",
    "Whole-staff training in emotion coaching to support pupils' self-regulation and wellbeing.",
    ["wellbeing"],
    ["primary", "secondary", "special"],
    "in_school",
    "per_school",
    850,
    "One training day",
  ),
  T(
    "Computing curriculum and online safety",
    "Support to plan a progressive computing curriculum with online safety woven through it.",
    ["ict_and_digital"],
    ["primary"],
    "in_school",
    "per_school",
    700,
    "One day and remote support",
  ),
  T(
    "Key Stage 4 English: grade 4 to 5 boost",
    "Training for English departments on the skills that move pupils across the grade 4 and 5 boundary.",
    ["literacy", "fourteen_to_nineteen_and_post_16"],
    ["secondary"],
    "central_venue",
    "per_delegate",
    240,
    "One day",
  ),
  T(
    "Subject leadership deep-dive preparation",
    "Mock deep dives in two subjects with feedback to subject leaders and the senior team.",
    ["leadership_and_management", "teaching_and_learning"],
    ["primary", "secondary"],
    "in_school",
    "per_school",
    950,
    "One day in school",
  ),
  T(
    "Maths mastery for teaching assistants",
    "Training for teaching assistants in manipulatives, representations and same-day intervention.",
    ["numeracy"],
    ["primary"],
    "central_venue",
    "per_delegate",
    150,
    "Three twilight sessions",
  ),
  T(
    "Writing moderation: Key Stage 1 and 2",
    "Cluster moderation of writing against the teacher assessment frameworks, led by an LA moderator.",
    ["literacy", "assessment_and_data"],
    ["primary"],
    "central_venue",
    "per_school",
    320,
    "Two half-day sessions",
  ),
  T(
    "Attendance improvement toolkit",
    "An attendance audit, a tiered response plan and training for pastoral staff.",
    ["wellbeing", "disadvantage_and_pupil_premium"],
    ["primary", "secondary"],
    "in_school",
    "per_school",
    800,
    "One day plus a review visit",
  ),
  T(
    "Instructional coaching programme",
    "Weekly instructional coaching for teachers, with training for in-school coaches.",
    ["teaching_and_learning"],
    ["primary", "secondary"],
    "coaching",
    "per_school",
    1800,
    "Two terms",
  ),
  T(
    "Oracy across the curriculum",
    "Training and lesson study to build structured talk into every subject.",
    ["literacy", "teaching_and_learning"],
    ["primary", "secondary"],
    "school_to_school",
    "per_school",
    750,
    "Three sessions and lesson study",
  ),
  T(
    "Early language: NELI support",
    "Support to run the Nuffield Early Language Intervention in Reception, with training and fidelity checks.",
    ["early_years", "literacy"],
    ["early_years", "primary"],
    "in_school",
    "per_school",
    600,
    "Two terms",
  ),
  T(
    "Safeguarding training for designated leads",
    "Two-yearly refresher training for designated safeguarding leads and deputies.",
    ["leadership_and_management", "wellbeing"],
    ["primary", "secondary", "special", "post_16"],
    "online",
    "per_delegate",
    120,
    "One day",
  ),
  T(
    "Welsh language in English-medium schools",
    "Support for teachers to build incidental Welsh and a progressive Welsh second-language curriculum.",
    ["welsh_language"],
    ["primary", "secondary"],
    "in_school",
    "per_school",
    650,
    "Three visits",
  ),
  T(
    "Post-16 study skills programme",
    "A programme for Year 12 students on independent study, note-making and revision, with tutor training.",
    ["fourteen_to_nineteen_and_post_16"],
    ["post_16", "secondary"],
    "in_school",
    "per_pupil",
    25,
    "Six sessions",
  ),
  T(
    "Assessment without levels: curriculum-linked assessment",
    "Design of assessment that follows the curriculum, with training for subject leaders.",
    ["assessment_and_data", "teaching_and_learning"],
    ["primary", "secondary"],
    "central_venue",
    "per_school",
    900,
    "Two days",
  ),
  T(
    "Governing board self-review",
    "A facilitated self-review of the board's effectiveness, with a skills audit and development plan.",
    ["governance"],
    ["primary", "secondary", "special"],
    "in_school",
    "fixed_package",
    600,
    "One evening session and a report",
  ),
  T(
    "Adaptive teaching for pupils with SEND",
    "Training for class teachers in adaptive teaching strategies that work for pupils with SEND.",
    ["send", "teaching_and_learning"],
    ["primary", "secondary"],
    "in_school",
    "per_school",
    850,
    "One day and a follow-up twilight",
  ),
  T(
    "Special school curriculum network",
    "Termly network for special school leaders on pre-formal and semi-formal curricula and assessment.",
    ["send", "leadership_and_management"],
    ["special"],
    "central_venue",
    "per_school",
    400,
    "Three meetings a year",
  ),
  T(
    "Disadvantaged learners: closing the vocabulary gap",
    "Training in explicit vocabulary teaching with resources for each key stage.",
    ["disadvantage_and_pupil_premium", "literacy"],
    ["primary", "secondary"],
    "online",
    "per_school",
    500,
    "Four webinars",
  ),
  T(
    "Staff wellbeing and workload review",
    "A staff survey, focus groups and a plan to reduce workload, following the DfE workload toolkit.",
    ["wellbeing", "leadership_and_management"],
    ["primary", "secondary", "special"],
    "in_school",
    "fixed_package",
    950,
    "Two days across a term",
  ),
  T(
    "Science subject leadership in primary",
    "Support for primary science leaders to plan progression in working scientifically.",
    ["teaching_and_learning"],
    ["primary"],
    "central_venue",
    "per_delegate",
    200,
    "Three twilight sessions",
  ),
  T(
    "Key Stage 2 arithmetic booster",
    "Targeted training and resources for Year 6 teachers on arithmetic fluency.",
    ["numeracy"],
    ["primary"],
    "online",
    "per_school",
    300,
    "Three webinars and resources",
  ),
  T(
    "Behaviour and culture review",
    "A review of behaviour systems and culture by an experienced headteacher, with a written report.",
    ["wellbeing", "leadership_and_management"],
    ["primary", "secondary"],
    "school_to_school",
    "fixed_package",
    1000,
    "One day review",
  ),
  T(
    "Secondary maths department support",
    "Bespoke support for a secondary maths department on curriculum sequencing and retrieval practice.",
    ["numeracy", "teaching_and_learning"],
    ["secondary"],
    "in_school",
    "per_school",
    1300,
    "Four days across a year",
  ),
  T(
    "Curriculum design for leaders",
    "A programme for senior leaders on designing a coherent, knowledge-rich curriculum.",
    ["leadership_and_management", "teaching_and_learning"],
    ["primary", "secondary"],
    "central_venue",
    "per_delegate",
    380,
    "Four half-day sessions",
  ),
  T(
    "Early career teacher mentor training",
    "Training for mentors of early career teachers alongside the Early Career Framework.",
    ["teaching_and_learning", "leadership_and_management"],
    ["primary", "secondary", "special"],
    "online",
    "per_delegate",
    160,
    "Four sessions",
  ),
  T(
    "Data-informed school improvement planning",
    "Support for leaders to turn school data into a focused improvement plan, with governor briefing.",
    ["assessment_and_data", "leadership_and_management"],
    ["primary", "secondary"],
    "in_school",
    "per_school",
    700,
    "One day",
  ),
  T(
    "Literacy for pupils with English as an additional language",
    "Training in scaffolding academic language for pupils new to English.",
    ["literacy", "disadvantage_and_pupil_premium"],
    ["primary", "secondary"],
    "central_venue",
    "per_delegate",
    170,
    "Two twilight sessions",
  ),
  T(
    "Nursery and early years leadership support",
    "Visits from an early years specialist to nursery and Reception leaders on provision and transitions.",
    ["early_years", "leadership_and_management"],
    ["early_years"],
    "coaching",
    "per_school",
    900,
    "Four visits",
  ),
  T(
    "Headteacher peer review",
    "A structured peer review in trios of headteachers, with training for reviewers.",
    ["leadership_and_management"],
    ["primary", "secondary", "special"],
    "school_to_school",
    "per_school",
    650,
    "One term",
  ),
];

/** Tiers for collective purchase: 1-4 at the full price, 5-9 about 17% less, 10 or more about a third less. */
export function demoTiers(price: number): PriceTier[] {
  const pence = price * 100;
  return [
    { minSchools: 1, maxSchools: 4, unitPricePence: pence },
    { minSchools: 5, maxSchools: 9, unitPricePence: Math.round((pence * 5) / 6 / 100) * 100 },
    { minSchools: 10, maxSchools: null, unitPricePence: Math.round((pence * 2) / 3 / 100) * 100 },
  ];
}

const VAT: Record<"la_maintained" | "academy" | "other", VatTreatment> = { la_maintained: "outside_scope", academy: "standard", other: "standard" };
const STRENGTHS = ["strong", "moderate", "moderate", "promising", "limited"] as const;
const TERM_SETS: ("autumn" | "spring" | "summer")[][] = [["autumn", "spring", "summer"], ["autumn", "spring"], ["spring", "summer"], ["autumn"]];
const DAY = 86_400_000;

/** Welsh versions of some offers, so the catalogue shows both kinds to a Welsh reader. */
const WELSH: Record<string, { title: string; summary: string }> = {
  "Talk for Writing: whole-school training": {
    title: "Talk for Writing: hyfforddiant i'r ysgol gyfan",
    summary:
      "Dau ddiwrnod o hyfforddiant i'r holl staff addysgu i wella llythrennedd drwy ddynwared, arloesi a chymhwyso'n annibynnol, gydag ymweliad dilynol.",
  },
  "Phonics catch-up": {
    title: "Dal i fyny â ffoneg",
    summary: "Ymyrraeth ffoneg ddyddiol mewn grwpiau bach i ddisgyblion Blwyddyn 2 sydd islaw'r safon ddisgwyliedig, gyda hyfforddiant i gynorthwywyr addysgu.",
  },
  "Reading fluency in Key Stage 2": {
    title: "Rhuglder darllen yng Nghyfnod Allweddol 2",
    summary: "Hyfforddiant mewn darllen ailadroddus, darllen adlais a goslef, gydag asesiadau rhuglder cyn ac ar ôl i ddatblygu ei lythrennedd.",
  },
  "Welsh language in English-medium schools": {
    title: "Y Gymraeg mewn ysgolion cyfrwng Saesneg",
    summary: "Cymorth i athrawon ddatblygu Cymraeg achlysurol a chwricwlwm Cymraeg ail iaith sy'n datblygu o flwyddyn i flwyddyn.",
  },
  "Emotion coaching for school staff": {
    title: "Hyfforddi emosiwn i staff ysgolion",
    summary: "Hyfforddiant i'r holl staff mewn hyfforddi emosiwn i gefnogi hunanreoleiddio a lles disgyblion.",
  },
  "Oracy across the curriculum": {
    title: "Llafaredd ar draws y cwricwlwm",
    summary: "Hyfforddiant ac astudio gwersi i ymgorffori siarad strwythuredig ym mhob pwnc.",
  },
};
const WELSH_DESCRIPTION_END =
  "Caiff y rhaglen ei chynllunio gydag arweinwyr pob ysgol ymlaen llaw fel ei bod yn adeiladu ar eu cynllun gwella, ac mae'n gorffen gydag adolygiad byr o'r hyn sydd wedi newid yn yr ystafelloedd dosbarth.";

function content(template: Template, i: number) {
  const strength = STRENGTHS[i % STRENGTHS.length];
  const cy = WELSH[template.title];
  return {
    titleCy: cy?.title ?? "",
    summaryCy: cy?.summary ?? "",
    descriptionCy: cy ? `${cy.summary}\n\n${WELSH_DESCRIPTION_END}` : "",
    title: template.title,
    summary: template.summary,
    description: `${template.summary}\n\nThe programme is planned with each school's leaders beforehand so that it builds on their improvement plan, and ends with a short review of what has changed in classrooms.`,
    subjectAreas: template.subjects,
    phases: template.phases,
    deliveryFormat: template.format,
    duration: template.duration,
    capacityUnit: template.pricing === "per_delegate" ? ("delegates" as const) : ("schools" as const),
    minCapacity: 1,
    maxCapacity: template.pricing === "per_delegate" ? 40 : 30,
    pricingModel: template.pricing,
    priceTiers: demoTiers(template.price),
    fromPricePence: template.price * 100,
    vatTreatment: VAT,
    outcomes: `Teachers apply the approach in their lessons within half a term; leaders can show its effect on pupils' work by the end of the year.`,
    evidence:
      strength === "strong"
        ? "Evaluated by the Education Endowment Foundation in a randomised controlled trial, with positive effects on attainment."
        : strength === "moderate"
          ? "An independent evaluation across schools in the region showed improved outcomes against comparison schools."
          : strength === "promising"
            ? "Early results from the schools that took part last year are encouraging; a fuller evaluation is under way."
            : "Feedback from participating schools; no independent evaluation yet.",
    evidenceStrength: strength,
    terms: TERM_SETS[i % TERM_SETS.length],
    deliveryTerms: "Dates are agreed with each school at least four weeks ahead.",
    cancellationTerms: "Full refund if cancelled at least 14 days before delivery; 50% within 14 days.",
    cancellationNoticeDays: 14,
  };
}

const REVIEW_COMMENTS: Record<RubricCriterion, string> = {
  evidence_of_impact: "The evidence is proportionate to the claims made.",
  fit_with_priorities: "Fits the priorities in our consortium plans.",
  value_for_money: "Reasonable, especially at the collective price.",
  provider_credibility_and_safeguarding: "Credible provider; safeguarding arrangements are clear.",
  clarity_of_outcomes: "Outcomes are clear and can be checked.",
};

/**
 * Seed the demo offers of one authority. Call it inside the demo seed's transaction:
 * `(tx, county) => seedDemoOffers(tx, county.authorityId, county.today)`.
 */
export async function seedDemoOffers(db: Database | Tx, authorityId: string, now: Date) {
  const random = createRandom(seedFrom(`offers:${now.toISOString().slice(0, 10)}`));
  const providers = await db
    .select({ id: schema.providers.organisationId, name: schema.organisations.name, schoolId: schema.providers.schoolId })
    .from(schema.providers)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.providers.organisationId))
    .where(and(eq(schema.providers.authorityId, authorityId), isNotNull(schema.providers.verifiedAt)))
    .orderBy(schema.organisations.name);
  if (providers.length === 0) return;
  const boards = await db
    .select({ id: schema.improvementBoards.organisationId })
    .from(schema.improvementBoards)
    .where(eq(schema.improvementBoards.authorityId, authorityId));
  const seats = boards.length
    ? await db
        .select({ userId: schema.memberships.userId, chair: schema.memberships.chair, email: schema.users.email })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(and(inArray(schema.memberships.organisationId, idsOf(boards)), eq(schema.memberships.role, "qa_panel_member")))
        .orderBy(schema.users.email)
    : [];
  const panelIds = [...new Set(seats.map((s) => s.userId))];
  const allMemberships = panelIds.length
    ? await db
        .select({ userId: schema.memberships.userId, organisationId: schema.memberships.organisationId })
        .from(schema.memberships)
        .where(inArray(schema.memberships.userId, panelIds))
    : [];
  const organisationsOf = (userId: string) => new Set(allMemberships.filter((m) => m.userId === userId).map((m) => m.organisationId));
  // The named panel members' queues start empty, so the demo's own journeys are theirs to make.
  const named = new Set(["panel.one@arden.demo", "panel.two@arden.demo"]);
  const reviewers = seats.filter((s) => !s.chair && !named.has(s.email)).map((s) => s.userId);
  const chairs = seats.filter((s) => s.chair).map((s) => s.userId);
  const free = (userId: string, provider: { id: string; schoolId: string | null }) => {
    const orgs = organisationsOf(userId);
    return !orgs.has(provider.id) && !(provider.schoolId && orgs.has(provider.schoolId));
  };

  const offers: (typeof schema.offers.$inferInsert)[] = [];
  const revisions: (typeof schema.offerRevisions.$inferInsert)[] = [];
  const reviews: (typeof schema.qaReviews.$inferInsert)[] = [];
  const addReviews = (
    revisionId: string,
    provider: { id: string; schoolId: string | null },
    at: Date,
    count: number,
    recommendation: "approve" | "request_changes",
  ) => {
    const pool = random.shuffle(reviewers.filter((r) => free(r, provider)));
    for (const reviewerId of pool.slice(0, count)) {
      const scores = Object.fromEntries(RUBRIC_CRITERIA.map((c) => [c, recommendation === "approve" ? random.int(3, 4) : random.int(2, 3)]));
      reviews.push({
        id: randomUUID(),
        authorityId,
        revisionId,
        reviewerId,
        status: "submitted",
        scores,
        comments: REVIEW_COMMENTS,
        overallComment:
          recommendation === "approve" ? "A well-evidenced offer that schools have asked for." : "Promising, but the evidence needs strengthening.",
        recommendation,
        createdAt: at,
        submittedAt: at,
      });
    }
  };

  OFFER_TEMPLATES.forEach((template, i) => {
    const provider = providers[i % providers.length];
    const offerId = randomUUID();
    const revisionId = randomUUID();
    const submittedAt = new Date(now.getTime() - (30 + ((i * 37) % 150)) * DAY);
    const approvedAt = new Date(submittedAt.getTime() + 14 * DAY);
    const decider = chairs.find((c) => free(c, provider)) ?? null;
    offers.push({
      id: offerId,
      authorityId,
      providerId: provider.id,
      latestRevisionId: revisionId,
      liveRevisionId: revisionId,
      approvedAt,
      approvalExpiresAt: approvalExpiry(approvedAt),
      createdAt: submittedAt,
    });
    revisions.push({
      id: revisionId,
      offerId,
      authorityId,
      number: 1,
      status: "approved",
      ...content(template, i),
      submittedAt,
      decidedAt: approvedAt,
      decidedBy: decider,
      createdAt: submittedAt,
      updatedAt: approvedAt,
    });
    addReviews(revisionId, provider, new Date(submittedAt.getTime() + 7 * DAY), 2, "approve");
  });

  // The named providers' work in progress: a draft, one waiting for the panel, one sent back.
  const namedProviders = await db
    .select({ id: schema.providers.organisationId, schoolId: schema.providers.schoolId, email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.providers, eq(schema.providers.organisationId, schema.memberships.organisationId))
    .where(
      and(
        eq(schema.memberships.authorityId, authorityId),
        eq(schema.memberships.role, "provider_admin"),
        inArray(schema.users.email, ["provider@arden.demo", "teaching.school@arden.demo"]),
      ),
    )
    .orderBy(schema.users.email);
  const pending: { provider: (typeof namedProviders)[number]; template: Template; status: "draft" | "submitted" | "changes_requested" }[] = [];
  for (const provider of namedProviders) {
    if (provider.email === "provider@arden.demo") {
      pending.push({
        provider,
        template: T(
          "School business manager finance clinic",
          "Termly clinics for school business managers on budget setting and forecasting.",
          ["leadership_and_management"],
          ["primary", "secondary"],
          "online",
          "per_delegate",
          90,
          "Three clinics a year",
        ),
        status: "draft",
      });
      pending.push({
        provider,
        template: T(
          "Curriculum deep dive preparation for foundation subjects",
          "Mock deep dives in history and geography with feedback for subject leaders.",
          ["teaching_and_learning"],
          ["primary"],
          "in_school",
          "per_school",
          850,
          "One day in school",
        ),
        status: "submitted",
      });
    } else {
      pending.push({
        provider,
        template: T(
          "Reading for pleasure: whole-school approach",
          "Training and a reading-culture audit to build reading for pleasure across the school.",
          ["literacy", "wellbeing"],
          ["primary"],
          "in_school",
          "per_school",
          700,
          "One day and an audit",
        ),
        status: "submitted",
      });
      pending.push({
        provider,
        template: T(
          "Metacognition and self-regulated learning",
          "Training in the EEF's seven-step model for explicit teaching of metacognitive strategies.",
          ["teaching_and_learning"],
          ["primary", "secondary"],
          "central_venue",
          "per_delegate",
          220,
          "Three half-days",
        ),
        status: "changes_requested",
      });
    }
  }
  pending.forEach(({ provider, template, status }, i) => {
    const offerId = randomUUID();
    const revisionId = randomUUID();
    const at = new Date(now.getTime() - (10 - i) * DAY);
    const body = content(template, i);
    offers.push({ id: offerId, authorityId, providerId: provider.id, latestRevisionId: revisionId, createdAt: at });
    const revision = { id: revisionId, offerId, authorityId, number: 1, status, createdAt: at, updatedAt: at };
    if (status === "draft") {
      revisions.push({ ...revision, title: body.title, summary: body.summary, subjectAreas: body.subjectAreas, phases: body.phases });
      return;
    }
    const decided = status === "changes_requested";
    revisions.push({
      ...revision,
      ...body,
      submittedAt: at,
      decidedAt: decided ? new Date(at.getTime() + 5 * DAY) : null,
      decidedBy: decided ? (chairs.find((c) => free(c, provider)) ?? null) : null,
      decisionComments: decided ? "Please give evidence of impact from schools like ours, and say how you will measure the change in pupils' learning." : null,
    });
    if (decided) addReviews(revisionId, provider, new Date(at.getTime() + 3 * DAY), 2, "request_changes");
  });

  await db.insert(schema.offers).values(offers);
  await db.insert(schema.offerRevisions).values(revisions);
  if (reviews.length) await db.insert(schema.qaReviews).values(reviews);
  await db.insert(schema.auditLog).values({
    authorityId,
    actorUserId: null,
    action: "seed",
    entityType: "offers",
    entityId: authorityId,
    after: { demo: true, offers: offers.length, revisions: revisions.length, reviews: reviews.length },
  });
}
