// Nothing text-like leaves the server uncompressed: built assets are compressed once at build time
// (brotli and gzip files beside them), everything else (HTML, data, other text) as it streams.
import { readdirSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import compression from "compression";
import type { NextFunction, Request, Response } from "express";

/** Extensions the build compresses ahead of time (fonts and images are compressed already). */
export const PRECOMPRESSED_EXTENSIONS = [".js", ".css", ".svg", ".json", ".txt", ".map"];

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** The files under `dir`, as paths relative to it with `/` between folders; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
  } catch {
    return [];
  }
}

/**
 * Serves `x.js.br` or `x.js.gz` for `x.js` when the browser accepts it and the build made one,
 * with the original's type; otherwise passes on to the plain static files.
 */
export function precompressedFiles(dir: string, options: { maxAge: string; immutable?: boolean }) {
  const available = new Set(filesUnder(dir));
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const path = decodeURIComponent(req.path).replace(/^\/+/, "");
    if (!PRECOMPRESSED_EXTENSIONS.includes(extname(path))) return next();
    const accepted = req.acceptsEncodings(ENCODINGS.map((e) => e.name));
    const encoding = ENCODINGS.find((e) => e.name === accepted && available.has(path + e.suffix));
    res.vary("Accept-Encoding");
    if (!encoding) return next();
    res.setHeader("Content-Encoding", encoding.name);
    res.type(extname(path));
    res.sendFile(path + encoding.suffix, { root: dir, maxAge: options.maxAge, immutable: options.immutable }, (error) => (error ? next() : undefined));
  };
}

/** Compresses responses as they are written; Remix flushes after each chunk, so streaming still streams. */
export const compressResponses = () => compression({ threshold: 1024 });
