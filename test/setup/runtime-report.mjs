// Preloaded by the lifecycle test only: as the server exits, it reports which builds of React it
// loaded and what it was started with, so the test can tell a production start from a development one.
import { writeSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
process.on("exit", () => {
  const report = {
    nodeEnv: process.env.NODE_ENV,
    argv: process.argv.slice(1),
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS ?? "",
    // Node lists a CommonJS module's re-exports in the cache when it scans them for an ESM import
    // (react/index.js names both builds), so only the modules that actually ran count.
    modules: Object.values(require.cache)
      .filter((m) => m?.loaded)
      .map((m) => m.filename),
  };
  writeSync(1, `runtime-report ${JSON.stringify(report)}\n`);
});
