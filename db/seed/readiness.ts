// Each consortium's readiness to deliver, as the authority reviewed it with the consortium's lead
// (the Wales readiness review, Nov 2012): every consortium was reviewed a month ago, and every other
// one also six months before that, so the grid shows how judgements moved. Judgements lean to amber
// early on, as the review found ("one would not expect consortia to be green across the board").
import { and, eq } from "drizzle-orm";
import { READINESS_JUDGEMENTS, READINESS_RATINGS, type ReadinessRating } from "../schema/readiness-vocabulary";
import type { Tx } from "../client";
import { memberships, readinessJudgements, readinessResponses, readinessSnapshots } from "../schema";
import type { DemoCounty } from "./index";
import { addDays, isoDate, type DemoAuthority } from "./plan";
import { createRandom, seedFrom, type Random } from "./random";

// Each piece of evidence and rationale as the authority wrote it, in English and in Welsh; Welsh
// authorities give both, English ones the English only.
const EVIDENCE: Record<ReadinessRating, readonly (readonly [string, string])[]> = {
  green: [
    [
      "The business plan sets out a clear timeline and the consortium has delivered against it.",
      "Mae'r cynllun busnes yn nodi amserlen glir ac mae'r consortiwm wedi cyflawni yn unol â hi.",
    ],
    [
      "Heads describe the consortium's priorities in the same words; minutes of the board show decisions followed through.",
      "Mae penaethiaid yn disgrifio blaenoriaethau'r consortiwm yn yr un geiriau; mae cofnodion y bwrdd yn dangos bod penderfyniadau wedi'u dilyn drwodd.",
    ],
    [
      "Recruitment was rigorous and schools involved in it were positive about the selection criteria.",
      "Roedd y recriwtio'n drylwyr ac roedd yr ysgolion a fu'n rhan ohono'n gadarnhaol am y meini prawf dethol.",
    ],
  ],
  amber_green: [
    ["Good progress on paper; communicating it to every school remains a challenge.", "Cynnydd da ar bapur; mae ei gyfleu i bob ysgol yn her o hyd."],
    [
      "Most processes are defined; the operational detail of brokering support is still being written.",
      "Mae'r rhan fwyaf o'r prosesau wedi'u diffinio; mae manylion gweithredol brocera cymorth yn dal i gael eu hysgrifennu.",
    ],
    [
      "Staff are credible with most schools, with some variation in quality.",
      "Mae gan y staff hygrededd gyda'r rhan fwyaf o ysgolion, gyda rhywfaint o amrywio o ran ansawdd.",
    ],
  ],
  amber_red: [
    [
      "Plans exist for the next phase but are less developed, and milestones are not yet shared with schools.",
      "Mae cynlluniau ar gyfer y cam nesaf ond maent yn llai datblygedig, ac nid yw'r cerrig milltir wedi'u rhannu â'r ysgolion eto.",
    ],
    [
      "Roles between the consortium and the authority overlap; schools are unsure whom to ask.",
      "Mae rolau'r consortiwm a'r awdurdod yn gorgyffwrdd; nid yw ysgolion yn siŵr pwy i'w holi.",
    ],
    [
      "Data is collected but not yet used to target support school by school.",
      "Caiff data eu casglu ond nid ydynt yn cael eu defnyddio eto i dargedu cymorth fesul ysgol.",
    ],
  ],
  red: [
    [
      "There is no agreed way to hear back from schools on the quality of the support they bought.",
      "Nid oes ffordd y cytunwyd arni o glywed gan ysgolion am ansawdd y cymorth a brynwyd ganddynt.",
    ],
    ["Too early to tell: the service leader is not yet appointed.", "Mae'n rhy gynnar i ddweud: nid yw arweinydd y gwasanaeth wedi'i benodi eto."],
    ["Governance meetings have not yet met with the new members.", "Nid oes cyfarfod llywodraethu wedi'i gynnal eto gyda'r aelodau newydd."],
  ],
};

const RATIONALE: Record<ReadinessRating, readonly [string, string]> = {
  green: ["On balance on track, with some issues to resolve.", "Ar y cyfan ar y trywydd iawn, gyda rhai materion i'w datrys."],
  amber_green: ["On track, but the evidence is mixed.", "Ar y trywydd iawn, ond mae'r dystiolaeth yn gymysg."],
  amber_red: ["Off track in places; the evidence is mixed.", "Oddi ar y trywydd mewn mannau; mae'r dystiolaeth yn gymysg."],
  red: ["Off track, with no clear plan yet to address it.", "Oddi ar y trywydd, heb gynllun clir eto i fynd i'r afael â hynny."],
};

const pickRating = (rng: Random, base: number): ReadinessRating => READINESS_RATINGS[Math.max(0, Math.min(3, base + rng.int(-1, 1)))];

async function seedAuthority(tx: Tx, authority: DemoAuthority, today: string) {
  const rng = createRandom(seedFrom(`${authority.slug}:readiness`));
  const welsh = authority.nation === "wales";
  const [admin] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.authorityId, authority.authorityId), eq(memberships.role, "la_admin")))
    .limit(1);
  const leads = await tx
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.authorityId, authority.authorityId), eq(memberships.role, "consortium_lead")));
  for (const [i, consortium] of authority.consortia.entries()) {
    const reviews = i % 2 === 0 ? [addDays(today, -210), addDays(today, -30)] : [addDays(today, -30)];
    // Later reviews are a little stronger on average: the consortia grow into their plans.
    let base = rng.int(1, 2);
    for (const [n, assessedOn] of reviews.entries()) {
      const [snapshot] = await tx
        .insert(readinessSnapshots)
        .values({
          authorityId: authority.authorityId,
          consortiumId: consortium.id,
          assessedOn,
          recordedBy: admin?.userId ?? null,
          createdAt: new Date(`${assessedOn}T16:00:00Z`),
        })
        .returning({ id: readinessSnapshots.id });
      await tx.insert(readinessJudgements).values(
        READINESS_JUDGEMENTS.map((judgement) => {
          const rating = pickRating(rng, base);
          const [evidence, evidenceCy] = rng.pick(EVIDENCE[rating]);
          const [rationale, rationaleCy] = RATIONALE[rating];
          return {
            authorityId: authority.authorityId,
            snapshotId: snapshot.id,
            judgement,
            rating,
            evidence,
            rationale,
            evidenceCy: welsh ? evidenceCy : "",
            rationaleCy: welsh ? rationaleCy : "",
          };
        }),
      );
      const lead = leads.find((l) => l.organisationId === consortium.id);
      if (lead && n === 0 && reviews.length === 2) {
        await tx.insert(readinessResponses).values({
          authorityId: authority.authorityId,
          snapshotId: snapshot.id,
          userId: lead.userId,
          agrees: true,
          comment: "We agree, and will share the plan for the next phase with every head this term.",
          createdAt: new Date(`${addDays(assessedOn, 7)}T09:00:00Z`),
        });
      }
      base = Math.min(3, base + rng.int(0, 1));
    }
  }
}

export async function seedDemoReadiness(tx: Tx, county: DemoCounty) {
  for (const authority of county.authorities) await seedAuthority(tx, authority, isoDate(county.today));
}
