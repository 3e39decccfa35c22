// What applying a GIAS file would do to the authority's schools. Pure, so the preview and the
// apply (which recomputes it inside its transaction) cannot disagree.
import type { GiasEstablishment, SchoolStatus } from "~/db.server";

export type StoredSchool = {
  id: string;
  urn: string;
  name: string;
  phase: GiasEstablishment["phase"];
  typeName: string | null;
  establishmentType: GiasEstablishment["establishmentType"];
  laMaintained: boolean;
  numberOnRoll: number;
  status: SchoolStatus;
  postcode: string | null;
  town: string | null;
  /** The date of its latest Ofsted inspection on record. */
  lastOfstedInspection: string | null;
};

/** The preview shows this many schools of each list; the counts are always whole. */
export const PREVIEW_LIMIT = 200;

export const COMPARED_FIELDS = ["name", "phase", "typeName", "numberOnRoll", "status", "postcode", "town", "lastOfstedInspection"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export type FieldChange = { field: ComparedField; before: string | number | null; after: string | number | null };
export type SchoolChange = { schoolId: string; urn: string; name: string; fields: FieldChange[]; row: GiasEstablishment; movedToLaCode?: string };

export type GiasDiff = {
  added: GiasEstablishment[];
  changed: SchoolChange[];
  closed: SchoolChange[];
  unchanged: number;
  /** Closed establishments the authority never held: nothing to do. */
  closedNotHeld: number;
  /** URNs of this LA that another authority of the service already holds: left alone. */
  heldElsewhere: string[];
};

export const diffIsEmpty = (d: GiasDiff) => d.added.length === 0 && d.changed.length === 0 && d.closed.length === 0;

function fieldChanges(school: StoredSchool, row: GiasEstablishment): FieldChange[] {
  const after: Record<ComparedField, string | number | null> = {
    name: row.name,
    phase: row.phase,
    typeName: row.typeName || school.typeName,
    // GIAS leaves the number on roll empty for some establishments: keep ours then.
    numberOnRoll: row.numberOnRoll ?? school.numberOnRoll,
    status: row.status,
    postcode: row.postcode,
    town: row.town,
    // An inspection is added, never taken away: an older or missing date in the file changes nothing.
    lastOfstedInspection:
      row.ofstedLastInspection && row.ofstedLastInspection > (school.lastOfstedInspection ?? "") ? row.ofstedLastInspection : school.lastOfstedInspection,
  };
  return COMPARED_FIELDS.filter((field) => (school[field] ?? null) !== (after[field] ?? null)).map((field) => ({
    field,
    before: school[field] ?? null,
    after: after[field] ?? null,
  }));
}

export function diffGias({
  laCode,
  ours,
  heldElsewhere,
  rows,
}: {
  laCode: string;
  ours: StoredSchool[];
  heldElsewhere: ReadonlySet<string>;
  rows: GiasEstablishment[];
}): GiasDiff {
  const byUrn = new Map(ours.map((s) => [s.urn, s]));
  const diff: GiasDiff = { added: [], changed: [], closed: [], unchanged: 0, closedNotHeld: 0, heldElsewhere: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    // A file lists each establishment once; a repeated URN keeps its first row.
    if (seen.has(row.urn)) continue;
    seen.add(row.urn);
    const school = byUrn.get(row.urn);
    if (row.laCode !== laCode) {
      // One of ours now listed under another LA: it has left the authority.
      if (school && school.status === "open") {
        diff.closed.push({
          schoolId: school.id,
          urn: row.urn,
          name: school.name,
          fields: [{ field: "status", before: "open", after: "closed" }],
          row: { ...row, status: "closed" },
          movedToLaCode: row.laCode,
        });
      }
      continue;
    }
    if (!school) {
      if (heldElsewhere.has(row.urn)) diff.heldElsewhere.push(row.urn);
      else if (row.status === "closed") diff.closedNotHeld++;
      else diff.added.push(row);
      continue;
    }
    const fields = fieldChanges(school, row);
    if (fields.length === 0) diff.unchanged++;
    else if (school.status === "open" && row.status === "closed") diff.closed.push({ schoolId: school.id, urn: row.urn, name: school.name, fields, row });
    else diff.changed.push({ schoolId: school.id, urn: row.urn, name: school.name, fields, row });
  }
  return diff;
}
