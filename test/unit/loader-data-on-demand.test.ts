// The server runtime's patch (patches/@remix-run+server-runtime+*.patch): a document's loader data is
// encoded for the browser only when the page reads it, which a page without <Scripts /> never does.
import { createRequestHandler, type ServerBuild } from "@remix-run/server-runtime";
import { describe, expect, it } from "vitest";

/** A build of one route whose entry keeps the context it is given and answers without rendering. */
function buildKeeping(seen: { context?: Record<string, unknown> }, read: boolean) {
  const entry = async (_request: Request, status: number, headers: Headers, context: Record<string, unknown>) => {
    seen.context = context;
    if (read) {
      const stream = context.serverHandoffStream as ReadableStream<Uint8Array>;
      return new Response(stream, { status, headers });
    }
    return new Response("<!DOCTYPE html><html></html>", { status, headers: { "Content-Type": "text/html" } });
  };
  return {
    mode: "production",
    basename: "/",
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_routeConfig: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
    },
    entry: { module: { default: entry } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null, loader: () => ({ offers: ["Phonics catch-up"] }) } },
    },
    assets: {
      url: "/assets/manifest.js",
      version: "1",
      entry: { module: "/assets/entry.js", imports: [] },
      routes: {
        root: {
          id: "root",
          path: "",
          module: "/assets/root.js",
          hasLoader: true,
          hasAction: false,
          hasClientLoader: false,
          hasClientAction: false,
          hasErrorBoundary: false,
        },
      },
    },
  } as unknown as ServerBuild;
}

describe("a document's loader data for the browser", () => {
  it("is encoded when the page reads it, and not before", async () => {
    const seen: { context?: Record<string, unknown> } = {};
    const answer = await createRequestHandler(buildKeeping(seen, false))(new Request("http://localhost/"));
    expect(answer.status).toBe(200);
    const descriptor = Object.getOwnPropertyDescriptor(seen.context!, "serverHandoffStream");
    // An accessor that the page never called: nothing was encoded.
    expect(descriptor?.get).toBeTypeOf("function");
    expect(descriptor && "value" in descriptor).toBe(false);
  });

  it("is the same data when a page does read it", async () => {
    const seen: { context?: Record<string, unknown> } = {};
    const answer = await createRequestHandler(buildKeeping(seen, true))(new Request("http://localhost/"));
    const text = await answer.text();
    expect(text).toContain("Phonics catch-up");
    expect(text).toContain("loaderData");
  });
});
