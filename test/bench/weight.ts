// What a page costs to download: its HTML, and the JavaScript it loads, as the browser gets it (gzip).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const HTML_LIMIT_BYTES = 30 * 1024;
export const JS_LIMIT_GZIP_BYTES = 100 * 1024;

/**
 * The scripts a page loads before it comes to life: its module preloads and script sources under
 * /assets, and those Remix imports from its inline module script. The page's messages come inline,
 * in its HTML (app/i18n/page-messages.server.ts); the whole catalogue of its language, a module of
 * its own, is fetched only when the reader moves on without a reload, and is not counted here.
 */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:link[^>]+rel="modulepreload"[^>]+href|script[^>]+src)="(\/assets\/[^"]+\.js)"/g)) found.add(match[1]);
  // Remix imports the entry and route modules from an inline module script.
  for (const match of html.matchAll(/import[^"']*["'](\/assets\/[^"']+\.js)["']/g)) found.add(match[1]);
  return [...found];
}

/** Gzipped bytes of each script, read from the build (the .gz the server sends, or gzipped here). */
export function scriptWeight(scripts: string[], clientDir = "build/client") {
  return scripts.map((src) => {
    const file = join(clientDir, src);
    const gz = `${file}.gz`;
    const bytes = existsSync(gz) ? readFileSync(gz).length : gzipSync(readFileSync(file), { level: 9 }).length;
    return { src, gzipBytes: bytes };
  });
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** One line per figure: the page's HTML and JavaScript against their limits. */
export function describeWeight(label: string, html: string) {
  const htmlBytes = Buffer.byteLength(html);
  const scripts = scriptWeight(scriptsOf(html));
  const js = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  return [
    `${label}: HTML ${kib(htmlBytes)} (limit ${kib(HTML_LIMIT_BYTES)}, ratio ${(htmlBytes / HTML_LIMIT_BYTES).toFixed(2)})`,
    `${label}: JavaScript ${kib(js)} gzip in ${scripts.length} files (limit ${kib(JS_LIMIT_GZIP_BYTES)}, ratio ${(js / JS_LIMIT_GZIP_BYTES).toFixed(2)}); largest ${scripts
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .slice(0, 3)
      .map((s) => `${s.src.replace("/assets/", "")} ${kib(s.gzipBytes)}`)
      .join(", ")}`,
  ].join("\n");
}
