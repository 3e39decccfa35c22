import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer fills 2,048-byte views and, when a multi-byte character (a "£")
 * does not fit at the end of one, sends the whole view with its unwritten tail of zero bytes
 * (react#31134; React 19 sends only the written part). The character itself follows whole in the
 * next view, so the zero bytes are padding and nothing else: in UTF-8 a 0x00 byte is only ever
 * U+0000, which HTML does not allow and our forms refuse. Dropping them gives exactly the page
 * React meant to send. See docs/decisions/0009-nul-bytes-in-streamed-html.md.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}
