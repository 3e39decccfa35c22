import { describe, expect, it } from "vitest";
import { described, message, toStore } from "~/domain/ledger/described";
import { runInLocale } from "~/i18n/request-locale.server";

describe("descriptions kept as messages", () => {
  const entry = message("ledgerText.potContribution", {
    describe: message("ledgerText.describe.orderFor", { offer: "Talk for Writing", school: "Ysgol Glan Teifi" }),
  });

  it("are stored with their English text, whatever the language of the request that posts them", () => {
    expect(runInLocale("cy", () => toStore(entry))).toEqual({
      description: "Consortium pot contribution: Talk for Writing for Ysgol Glan Teifi",
      descriptionMessage: entry,
    });
    expect(toStore("Talk for Writing")).toEqual({ description: "Talk for Writing", descriptionMessage: null });
  });

  it("are shown in the reader's language, messages within messages too", () => {
    const row = toStore(entry);
    expect(runInLocale("cy", () => described(row))).toBe("Cyfraniad o gronfa’r consortiwm: Talk for Writing ar gyfer Ysgol Glan Teifi");
    expect(runInLocale("en", () => described(row))).toBe("Consortium pot contribution: Talk for Writing for Ysgol Glan Teifi");
  });

  it("fall back to the stored text for older rows and for a message this catalogue no longer knows", () => {
    expect(runInLocale("cy", () => described({ description: "Charged to schools: Phonics", descriptionMessage: null }))).toBe("Charged to schools: Phonics");
    expect(runInLocale("cy", () => described({ description: "Stored", descriptionMessage: { key: "ledgerText.gone" } }))).toBe("Stored");
    expect(
      runInLocale("cy", () =>
        described({ description: "Stored", descriptionMessage: { key: "ledgerText.charged", params: { describe: { key: "ledgerText.gone" } } } }),
      ),
    ).toBe("Stored");
  });
});
