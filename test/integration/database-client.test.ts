import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";

describe("the embedded database", () => {
  const root = mkdtempSync(join(tmpdir(), "marketplace-client-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("starts in a fresh checkout, where the data folder and its parents do not exist yet, and keeps its data", async () => {
    const dataDir = join(root, "data", "nested", "pglite");
    const first = await openDatabase({ kind: "pglite", dataDir });
    await first.migrate();
    await first.db.execute(sql`insert into authorities (slug, name, nation) values ('kept', 'Kept County', 'england')`);
    await first.close();
    expect(existsSync(dataDir)).toBe(true);

    const again = await openDatabase({ kind: "pglite", dataDir });
    const rows = await again.db.execute<{ name: string }>(sql`select name from authorities where slug = 'kept'`);
    await again.close();
    expect((rows as unknown as { rows: { name: string }[] }).rows.map((r) => r.name)).toEqual(["Kept County"]);
  });
});
