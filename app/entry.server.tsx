import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { DemoContext } from "~/components/demo-banner";
import { NonceContext } from "~/components/nonce";
import { hydrates, PageHydrates } from "~/hydration";
import { recordRenderedMessages, withPageMessages } from "~/i18n/page-messages.server";
import { withoutNulBytes } from "~/without-nul-bytes.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  const matches = remixContext.staticHandlerContext.matches.map((match) => remixContext.routeModules[match.route.id] ?? {});
  const hydrated = hydrates(matches);
  // Its links are plain anchors on a page that will not hydrate (app/components/link.tsx); in the
  // browser, where React is running whatever the page, they are Remix's.
  const page = (
    <NonceContext.Provider value={nonce}>
      <DemoContext.Provider value={loadContext.env.DEMO}>
        <PageHydrates.Provider value={hydrated}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </PageHydrates.Provider>
      </DemoContext.Provider>
    </NonceContext.Provider>
  );
  // A page without React in the browser has nothing to stream after its HTML (no loader data, no
  // messages): it is rendered to one string, which spares the streaming renderer's machinery. It goes
  // out as its UTF-8 bytes: a string body would be scanned again for lone surrogates (WebIDL's
  // USVString), which encoding already replaces.
  if (!hydrated) {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    return new Response(Buffer.from(`<!DOCTYPE html>${renderToString(page)}`), { headers: responseHeaders, status: responseStatusCode });
  }
  // Loaders and actions have run: what the render says from here is what the browser needs to say it again.
  const recorded = recordRenderedMessages();
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // The loaders have run and no page suspends: the whole page is ready as soon as its shell is, so
    // it goes out whole, compressed and written once, rather than in many small flushed chunks.
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        const rendered = withoutNulBytes();
        const body = recorded ? rendered.pipe(withPageMessages(recorded, nonce)) : rendered;
        const chunks: Buffer[] = [];
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("error", reject);
        body.on("end", () => {
          clearTimeout(timeout);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        });
        pipe(rendered);
      },
      onShellError: reject,
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    const timeout = setTimeout(abort, streamTimeout + 1000);
  });
}
