import { fileURLToPath } from "node:url";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";
import { e2eWorkers } from "./setup/app-server";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  plugins: [tsconfigPaths({ root })],
  test: {
    projects: [
      {
        extends: true,
        // Threads start quicker than processes: the unit tests touch no process-wide state (cwd, exit, signals).
        // They also share the modules they load (isolate: false): none mocks a module or keeps state between files.
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          pool: "threads",
          isolate: false,
          setupFiles: ["test/setup/property-runs.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["test/setup/database-template.ts"],
          // The files run one after another in each worker process (one, or two when `npm test` has no PostgreSQL
          // lane beside them), which keeps the modules it has loaded (the app, React, drizzle, PGlite's
          // WebAssembly): each file opens its own database, so none sees another's data. A file that mocks a module the app has already loaded re-imports what it tests (vi.resetModules).
          isolate: false,
          // Some tests migrate or seed a whole database, or start a process that does: beside the other lane of
          // `npm test` on two cores that can take a minute. Timeouts are for tests that hang, not a measure of speed.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/setup/app-server.ts"],
          // Each worker drives its own app (test/setup/app-server.ts), so files share no data with the file beside them.
          // The files of a worker share its modules, and so its Chromium (testBrowser in test/e2e/browser.ts).
          isolate: false,
          maxWorkers: e2eWorkers(),
          fileParallelism: e2eWorkers() > 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Several built app processes on one PostgreSQL (TEST_DATABASE_URL), after `npm run build`.
        test: { name: "postgres", include: ["test/postgres/**/*.test.ts"], fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 },
      },
    ],
  },
});
