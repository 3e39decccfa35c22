// Pure catalogue rules about language: which words of an offer a reader sees, and the Welsh forms a search word may take.
import type { Locale } from "~/i18n";

export type BilingualText = { title: string; summary: string; description: string; titleCy: string; summaryCy: string; descriptionCy: string };

export type TextsInLanguage<F extends string> = Record<F, string> & {
  /** The language each field is written in, for its `lang` attribute when it differs from the page's. */
  lang: Record<F, Locale>;
  /** How many of the given fields the reader's language lacks (the English shows instead). */
  missing: number;
  /** Nothing of it is in the reader's language: "This offer is not available in Welsh". */
  none: boolean;
};
export type OfferInLanguage = TextsInLanguage<"title" | "summary" | "description">;

/**
 * What people wrote, in the reader's language where they gave it (the field's twin ending in
 * "Cy"), else in English. Only fields with English text count: an empty one is missing in neither.
 */
export function textsInLanguage<F extends string>(texts: Record<F | `${F}Cy`, string>, fields: readonly F[], locale: Locale): TextsInLanguage<F> {
  const result = { lang: {} as Record<F, Locale>, missing: 0, none: false } as TextsInLanguage<F>;
  for (const field of fields) {
    const english = texts[field];
    const welsh = texts[`${field}Cy` as `${F}Cy`];
    const useWelsh = locale === "cy" && welsh.trim() !== "";
    (result as Record<F, string>)[field] = useWelsh ? welsh : english;
    result.lang[field] = useWelsh ? "cy" : "en";
    if (locale === "cy" && !useWelsh && english.trim() !== "") result.missing++;
  }
  result.none = locale !== "en" && fields.every((field) => result.lang[field] !== locale);
  return result;
}

const OFFER_TEXTS = ["title", "summary", "description"] as const;
/** The texts of a commissioner's call for offers that can be given in Welsh. */
export const NEED_TEXTS = ["title", "description"] as const;
/** An offer's words in the reader's language. */
export const offerInLanguage = (offer: BilingualText, locale: Locale): OfferInLanguage => textsInLanguage(offer, OFFER_TEXTS, locale);

/** Welsh letters with accents and the plain letters search keeps (as the database's `foldWelsh` does). */
export function foldWelshText(text: string) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Initial mutations: the radical consonant and the forms it takes after soft, nasal and aspirate mutation.
const MUTATIONS: Record<string, string[]> = {
  p: ["b", "mh", "ph"],
  t: ["d", "nh", "th"],
  c: ["g", "ngh", "ch"],
  b: ["f", "m"],
  d: ["dd", "n"],
  g: ["", "ng"],
  m: ["f"],
  ll: ["l"],
  rh: ["r"],
};
const VOWEL = /^[aeiouwy]/;

// Mutated beginnings, longest first: "ngh" is read before "ng" and "n", "ll" before "l".
const MUTATED_STARTS = Object.entries(MUTATIONS)
  .flatMap(([radical, forms]) => forms.filter((f) => f !== "").map((form) => ({ form, radical })))
  .sort((a, b) => b.form.length - a.form.length);

/** The radicals a word could be a mutation of, the word itself included. */
function radicalsOf(word: string): string[] {
  const radicals = new Set([word]);
  let matched: string | null = null;
  for (const { form, radical } of MUTATED_STARTS) {
    if (!word.startsWith(form) || word.length <= form.length + 1) continue;
    // "ll", "rh" and "ff" are letters of their own: "l" does not start "llythrennedd".
    if (["ll", "rh", "ff"].some((letter) => letter !== form && letter.startsWith(form) && word.startsWith(letter))) continue;
    // Once "ngh" has matched, "ng" and "n" are part of it, not mutations of their own.
    if (matched && matched !== form && matched.startsWith(form)) continue;
    matched ??= form;
    radicals.add(radical + word.slice(form.length));
  }
  // Soft mutation drops g before a vowel, l or r: "gwaith" -> "waith", "glan" -> "lan".
  if (VOWEL.test(word) || (/^l/.test(word) && !word.startsWith("ll")) || (/^r/.test(word) && !word.startsWith("rh"))) radicals.add(`g${word}`);
  if (/^h[aeiouwy]/.test(word)) radicals.add(word.slice(1));
  return [...radicals];
}

/** Every form a radical takes at the start of a word: itself, its mutations, and h- before a vowel. */
function mutationsOf(radical: string): string[] {
  const forms = new Set([radical]);
  for (const [letter, mutated] of Object.entries(MUTATIONS)) {
    if (!radical.startsWith(letter) || (letter === "d" && radical.startsWith("dd"))) continue;
    if (letter === "c" && radical.startsWith("ch")) continue;
    for (const form of mutated) forms.add(form + radical.slice(letter.length));
  }
  if (VOWEL.test(radical)) forms.add(`h${radical}`);
  return [...forms].filter((f) => f.length > 1);
}

/**
 * The forms a Welsh search word may take in text, so "llythrennedd" finds "lythrennedd" and the
 * other way round: the word folded (no accents, lower case), its possible radicals, and their mutations.
 */
export function welshSearchForms(word: string): string[] {
  const folded = foldWelshText(word).replace(/[^\p{L}\p{N}]/gu, "");
  if (!folded) return [];
  return [...new Set([folded, ...radicalsOf(folded).flatMap(mutationsOf)])].sort();
}

// Short words ("y", "yr", "a", "yn", "i", "o") are articles and prepositions: every text has them.
const MIN_SEARCH_WORD = 3;

/**
 * A search as a PostgreSQL tsquery over the Welsh text ('simple' configuration): every word must
 * match, in any of its forms, as the start of a word. Null when nothing searchable is left.
 * Only letters and digits reach the query, so its syntax cannot be injected.
 */
export function welshTsquery(search: string): string | null {
  const words = search
    .split(/[\s\-'’]+/)
    .filter((word) => foldWelshText(word).replace(/[^\p{L}\p{N}]/gu, "").length >= MIN_SEARCH_WORD)
    .map((word) => welshSearchForms(word));
  if (!words.length) return null;
  return words.map((forms) => `(${forms.map((f) => `${f}:*`).join(" | ")})`).join(" & ");
}
