// A GIAS file of 50,000 establishments (the size of the national file): how long the upload
// (decode, parse, keep the authority's rows), the preview and the apply take on PGlite, for a
// file where 400 rows are the authority's, and for one where all 50,000 are (the worst case).
import { openDatabase } from "#db/client";
import { applyGiasImport } from "~/domain/schools/apply-gias-import.server";
import { loadGiasImport } from "~/domain/schools/load-gias-import.server";
import { uploadGiasImport } from "~/domain/schools/upload-gias-import.server";
import { giasCsv, giasSchool, windows1252 } from "../factories/gias";
import { createAuthority, createMember, createOrganisation } from "../factories/tenancy";

const ROWS = 50_000;

async function measure(label: string, ours: number) {
  const handle = await openDatabase({ kind: "pglite" });
  await handle.migrate();
  const authority = await createAuthority(handle.db, { laCode: "938" });
  const office = await createOrganisation(handle.db, authority.id, "authority_office");
  const user = await createMember(handle.db, office, "la_admin");
  const actor = { id: user.id, grants: [{ organisationId: office.id, authorityId: authority.id, role: "la_admin" as const }] };
  const rows = Array.from({ length: ROWS }, (_, i) =>
    giasSchool({
      URN: String(100000 + i),
      "LA (code)": i < ours ? "938" : String(201 + (i % 150)),
      EstablishmentName: `St Mary’s School £${i}`,
      OfstedLastInsp: "05-11-2019",
      "OfstedRating (name)": "Good",
    }),
  );
  const bytes = windows1252(giasCsv(rows));
  const time = async <T>(what: string, fn: () => Promise<T>) => {
    const started = performance.now();
    const value = await fn();
    console.log(`${label}: ${what} ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return value;
  };
  console.log(`${label}: file of ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  const { importId } = await time("upload (decode, parse, store)", () =>
    uploadGiasImport(handle.db, { actor, authorityId: authority.id, fileName: "bench.csv", bytes }),
  );
  await time("preview", () => loadGiasImport(handle.db, { actor, authorityId: authority.id, importId }));
  // Batch by batch, as the import page drives it: the slowest batch is what one request waits for.
  const batches: number[] = [];
  const first = await time("apply (all batches)", async () => {
    for (;;) {
      const started = performance.now();
      const step = await applyGiasImport(handle.db, { actor, authorityId: authority.id, importId });
      batches.push((performance.now() - started) / 1000);
      if (step.outcome !== "progress") return step;
    }
  });
  console.log(
    `${label}: ${batches.length} batches, slowest ${Math.max(...batches).toFixed(2)} s, mean ${(batches.reduce((a, b) => a + b, 0) / batches.length).toFixed(2)} s`,
  );
  const again = await time("apply again", () => applyGiasImport(handle.db, { actor, authorityId: authority.id, importId }));
  console.log(`${label}: first ${JSON.stringify(first)}, again ${again.outcome}`);
  await handle.close();
}

export async function run() {
  await measure("400 of the authority's", 400);
  await measure("all 50,000 the authority's", ROWS);
}
