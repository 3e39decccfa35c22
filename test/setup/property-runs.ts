// Every property test runs as many cases as PROPERTY_RUNS says: about a thousand on a laptop
// (`npm test`), ten thousand in CI (`.ci/run`). One setting, so no test quietly runs fewer.
import fc from "fast-check";

const DEFAULT_RUNS = 1_000;
const raw = process.env.PROPERTY_RUNS?.trim();
const runs = raw ? Number(raw) : DEFAULT_RUNS;
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`PROPERTY_RUNS must be a whole number of runs, at least 1 (it is "${raw}")`);

fc.configureGlobal({ numRuns: runs });
