import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { vitePlugin as remix } from "@remix-run/dev";
import { build, defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// GOV.UK Frontend's CSS expects its fonts and images under /assets.
const govukAssets = (): Plugin => ({
  name: "govuk-assets",
  buildStart() {
    cpSync("node_modules/govuk-frontend/dist/govuk/assets", "public/assets", { recursive: true });
  },
});

/**
 * After Remix's server build, the HTTP server (app/server.ts and what it imports, db/ included)
 * is bundled to build/start.js with its migrations beside it, so production runs plain `node`
 * with no transpiler. Packages stay in node_modules, as they do for Remix's own server build.
 */
const serverEntry = (): Plugin => {
  let ssr = false;
  return {
    name: "server-entry",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    async closeBundle() {
      if (!ssr) return;
      await build({
        configFile: false,
        logLevel: "warn",
        plugins: [tsconfigPaths()],
        build: {
          ssr: "app/server.ts",
          outDir: "build",
          emptyOutDir: false,
          copyPublicDir: false,
          target: "node20",
          rollupOptions: { output: { entryFileNames: "start.js" } },
        },
      });
      // db/client.ts finds its migrations beside itself: db/migrations from source, build/migrations here.
      cpSync("db/migrations", "build/migrations", { recursive: true });
    },
  };
};

/**
 * The browser's build leaves out the message catalogues, and i18next, that app/i18n/index.ts uses on
 * the server, and date-fns's formats (app/server-dates.ts, for app/format.ts): a page brings the messages it was rendered with, and the browser loads its reader's
 * whole catalogue, as its own script, only when it needs more (`loadMessages`).
 */
const catalogues = (): Plugin => ({
  name: "catalogues-on-the-server",
  load(id, options) {
    if (!options?.ssr && id.endsWith("/app/i18n/server-catalogues.ts")) return "export const serverCatalogues = {}; export const serverFormat = null;";
    if (!options?.ssr && id.endsWith("/app/server-dates.ts")) return "export const serverDates = null;";
  },
});

/** Brotli and gzip copies of the client build's text assets, served by app/compression.server.ts. */
const PRECOMPRESS = [".js", ".css", ".svg", ".json", ".txt", ".map"];
const precompressAssets = (): Plugin => {
  let ssr = false;
  return {
    name: "precompress-assets",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    closeBundle() {
      if (ssr) return;
      const dir = "build/client/assets";
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !PRECOMPRESS.includes(extname(entry.name))) continue;
        const path = join(entry.parentPath, entry.name);
        const raw = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
};

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    govukAssets(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    catalogues(),
    serverEntry(),
    precompressAssets(),
  ],
});
