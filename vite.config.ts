import { cpSync } from "node:fs";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
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
  ],
});
