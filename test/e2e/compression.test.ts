// Nothing text-like leaves the server uncompressed, for a browser that accepts it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

const ASSETS = "build/client/assets";

/** The raw bytes and headers of a GET, without the client undoing any Content-Encoding. */
const rawGet = (path: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get(new URL(path, baseUrl()), { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

const largest = (ext: string) =>
  readdirSync(ASSETS)
    .filter((f) => f.endsWith(ext))
    .sort((a, b) => statSync(join(ASSETS, b)).size - statSync(join(ASSETS, a)).size)[0];

describe("compression", () => {
  it("sends pages brotli- or gzip-compressed, whole, and plain only to a client that asks for nothing", async () => {
    const br = await rawGet("/sign-in", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
    const html = brotliDecompressSync(br.body).toString();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain("</html>");
    expect(br.body.length).toBeLessThan(html.length / 2);

    const gzip = await rawGet("/sign-in", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toContain("</html>");

    const plain = await rawGet("/sign-in");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("</html>");
  });

  it("serves the largest script and the stylesheets compressed at build time, identical once decoded", async () => {
    for (const file of [largest(".js"), largest(".css")]) {
      const original = readFileSync(join(ASSETS, file));
      const br = await rawGet(`/assets/${file}`, "br, gzip");
      expect({ file, encoding: br.headers["content-encoding"] }).toEqual({ file, encoding: "br" });
      expect(Number(br.headers["content-length"])).toBe(statSync(join(ASSETS, `${file}.br`)).size);
      expect(br.headers["content-type"]).toMatch(file.endsWith(".js") ? /javascript/ : /text\/css/);
      expect(br.headers["cache-control"]).toContain("immutable");
      expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
      expect(br.body.length).toBeLessThan(original.length / 3);

      const gzip = await rawGet(`/assets/${file}`, "gzip");
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzip.body).equals(original)).toBe(true);

      const plain = await rawGet(`/assets/${file}`);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
  });
});
