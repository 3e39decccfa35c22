import { remember } from "~/remember";

/**
 * Form fields url-encoded byte for byte as URLSearchParams (and so a browser) encodes them, as one flat
 * string. URLSearchParams builds its output a character at a time, and undici then measures that string
 * slowly: for the robustness sweep's forms of 10,000-character fields that was most of its time.
 * That sweep sends the same long values in every field of many forms, so each long value is encoded once.
 */
export function urlEncodedForm(form: Record<string, string | string[]>) {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) pairs.push(`${encode(key)}=${encode(v)}`);
  return pairs.join("&");
}

// A lone surrogate cannot be encoded: URLSearchParams sends U+FFFD in its place.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Long values already encoded, a few at a time. */
const encodedLong = new Map<string, string>();
const LONG = 1_000;

function encode(text: string) {
  if (text.length < LONG) return encodeText(text);
  return encodedLong.get(text) ?? remember(encodedLong, 32, text, encodeText(text));
}

function encodeText(text: string) {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));
  }
  // The form encoding differs from encodeURIComponent only here: a space is "+", and these five are escaped.
  return encoded.replace(/%20/g, "+").replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
