// Every message exists in English and in Welsh, with the same placeholders, and Welsh plurals have all six forms.
import { describe, expect, it } from "vitest";
import type { Message, MessageKey } from "~/i18n";
import { cy } from "~/i18n/messages-cy";
import { en } from "~/i18n/messages-en";

type Catalogue = Record<string, Message>;
const fileName = (path: string) => path.split("/").pop()!;
const filesIn = (modules: Record<string, unknown>) =>
  new Map(Object.entries(modules).map(([path, module]) => [fileName(path), module as Record<string, Catalogue>]));

const english = filesIn(import.meta.glob("../../app/i18n/en/*.ts", { eager: true }));
const welsh = filesIn(import.meta.glob("../../app/i18n/cy/*.ts", { eager: true }));
const pairs = [...english].filter(([name]) => welsh.has(name)).map(([name, module]) => [name, module, welsh.get(name)!] as const);

const placeholders = (message: Message | undefined) =>
  [
    ...new Set(
      (typeof message === "string" ? [message] : Object.values(message ?? {})).flatMap((text) => [...(text ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
    ),
  ].sort();
const WELSH_PLURAL_FORMS = ["few", "many", "one", "other", "two", "zero"];

describe("the Welsh catalogue", () => {
  it("has a file for every English file, named like it", () => {
    expect([...english.keys()].filter((name) => !welsh.has(name))).toEqual([]);
  });

  it("has no Welsh file without an English one", () => {
    expect([...welsh.keys()].filter((name) => !english.has(name))).toEqual([]);
  });

  it.each(pairs)("%s: exports the same name and exactly the same keys", (_name, en, cy) => {
    expect(Object.keys(cy)).toEqual(Object.keys(en));
    for (const exported of Object.keys(en)) {
      const missing = Object.keys(en[exported]).filter((key) => !(key in cy[exported]));
      const extra = Object.keys(cy[exported]).filter((key) => !(key in en[exported]));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    }
  });

  it.each(pairs)("%s: says every key with the same placeholders", (_name, en, cy) => {
    for (const exported of Object.keys(en)) {
      for (const [key, message] of Object.entries(en[exported])) {
        if (cy[exported]?.[key] === undefined) continue;
        expect(placeholders(cy[exported][key]), key).toEqual(placeholders(message));
      }
    }
  });

  it.each(pairs)("%s: gives a number's words in all six Welsh plural forms", (_name, en, cy) => {
    for (const exported of Object.keys(en)) {
      for (const [key, message] of Object.entries(en[exported])) {
        const welshMessage = cy[exported]?.[key];
        if (typeof message === "string" || welshMessage === undefined) continue;
        expect(typeof welshMessage === "string" ? [] : Object.keys(welshMessage).sort(), key).toEqual(WELSH_PLURAL_FORMS);
      }
    }
  });

  it("is wired into the catalogue: every key of every Welsh file is served", () => {
    const unwired = pairs.flatMap(([name, _en, cyFile]) =>
      Object.values(cyFile).flatMap((messages) =>
        Object.keys(messages)
          .filter((key) => cy[key as MessageKey] === undefined)
          .map((key) => `${name}: ${key}`),
      ),
    );
    expect(unwired).toEqual([]);
  });

  it("serves no key that English lacks", () => {
    expect(Object.keys(cy).filter((key) => !(key in en))).toEqual([]);
  });
});
