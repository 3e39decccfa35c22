import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { userIdColumn, users } from "./identity";
import { authorityIdColumn, type EstablishmentType, type PHASES } from "./tenancy";

/** An establishment row of a GIAS file, as the importer keeps it (only the authority's rows are kept). */
export type GiasEstablishment = {
  urn: string;
  laCode: string;
  name: string;
  phase: (typeof PHASES)[number];
  phaseName: string;
  establishmentType: EstablishmentType;
  typeName: string;
  laMaintained: boolean;
  status: "open" | "closed";
  closedOn: string | null;
  numberOnRoll: number | null;
  postcode: string | null;
  town: string | null;
  ofstedLastInspection: string | null;
  ofstedRating: string | null;
};

/**
 * An uploaded GIAS establishment file, parsed once and kept until applied, so the preview and the
 * apply read the same rows and a big file is not uploaded twice.
 */
export const schoolImports = pgTable(
  "school_imports",
  {
    id: id(),
    authorityId: authorityIdColumn(),
    uploadedBy: userIdColumn("uploaded_by"),
    fileName: text("file_name").notNull(),
    encoding: text("encoding").notNull(),
    /** Every establishment in the file, of any authority. */
    totalRows: integer("total_rows").notNull(),
    rows: jsonb("rows").$type<GiasEstablishment[]>().notNull(),
    /** Applying runs in batches, each its own transaction; these say how far it has got. */
    applyStartedBy: uuid("apply_started_by").references(() => users.id),
    applyStartedAt: at("apply_started_at"),
    applyDone: integer("apply_done").notNull().default(0),
    applyTotal: integer("apply_total"),
    appliedBy: uuid("applied_by").references(() => users.id),
    appliedAt: at("applied_at"),
    result: jsonb("result").$type<{ added: number; changed: number; closed: number; inspections: number }>(),
    createdAt: createdAt(),
  },
  (t) => [index("school_imports_authority_idx").on(t.authorityId, t.createdAt)],
);
