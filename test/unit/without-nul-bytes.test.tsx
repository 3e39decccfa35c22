import { PassThrough, type Transform } from "node:stream";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "~/without-nul-bytes.server";

// A page like the ledger: thousands of amounts in pounds, in text chunks of varying length.
const Ledger = () => (
  <table>
    <tbody>
      {Array.from({ length: 4000 }, (_, i) => (
        <tr key={i}>
          <td>{`Entry ${i}${"x".repeat(i % 7)}`}</td>
          <td>{`£${(i * 37) % 10000}.${String(i % 100).padStart(2, "0")}`}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

function streamed(through: Transform): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    through.on("data", (chunk: Buffer) => chunks.push(chunk));
    through.on("end", () => resolve(Buffer.concat(chunks)));
    through.on("error", reject);
    const { pipe } = renderToPipeableStream(<Ledger />, { onAllReady: () => pipe(through), onError: reject });
  });
}

describe("streamed HTML carries no NUL bytes", () => {
  it("React's own stream pads views with NUL before a '£' at a boundary (react#31134)", async () => {
    const raw = await streamed(new PassThrough());
    expect(raw.length).toBeGreaterThan(100_000);
    // If this fails, React no longer pads its views: withoutNulBytes can go (see ADR 0009).
    expect(raw.includes(0)).toBe(true);
  });

  it("withoutNulBytes gives exactly the page React meant, with no NUL", async () => {
    const clean = await streamed(withoutNulBytes());
    expect(clean.includes(0)).toBe(false);
    expect(clean.toString("utf8")).toBe(renderToString(<Ledger />));
  });
});
