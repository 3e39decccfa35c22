// `npm run bench [name ...]`: runs each bench module in turn; each prints its own figures.
type Bench = { name: string; load: () => Promise<{ run: () => Promise<void> }> };

const BENCHES: Bench[] = [
  { name: "catalogue", load: () => import("./catalogue") },
  { name: "ledger", load: () => import("./ledger") },
  { name: "purchasing", load: () => import("./purchasing") },
  { name: "gias", load: () => import("./gias") },
  { name: "audit", load: () => import("./audit") },
  { name: "reports", load: () => import("./reports") },
];

const wanted = process.argv.slice(2);
const chosen = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
if (chosen.length === 0) {
  console.error(`No bench named ${wanted.join(", ")}. There are: ${BENCHES.map((b) => b.name).join(", ")}`);
  process.exit(1);
}
for (const bench of chosen) {
  console.log(`\n=== ${bench.name} ===`);
  const started = Date.now();
  await (await bench.load()).run();
  console.log(`(${bench.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
process.exit(0);
export {};
