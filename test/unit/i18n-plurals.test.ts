import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { en } from "~/i18n/messages-en";

describe("messages with a number in them", () => {
  it("pick their form by the plural rules of the language", () => {
    expect(t("collective.live.joined", { count: 1, min: 3 })).toBe("1 school has joined (at least 3 needed)");
    expect(t("collective.live.joined", { count: 0, min: 3 })).toBe("0 schools have joined (at least 3 needed)");
    expect(t("collective.live.joined", { count: 2, min: 3 })).toBe("2 schools have joined (at least 3 needed)");
    expect(t("review.waiting", { count: 1 })).toBe("1 more review without a conflict of interest is needed before a decision.");
    expect(t("review.waiting", { count: 2 })).toBe("2 more reviews without a conflict of interest are needed before a decision.");
    expect(t("catalogue.results.count", { count: 1 })).toBe("1 offer");
  });

  it("never guess at a plural with (s), and never say '1 schools'", () => {
    const texts = Object.values(en).flatMap((m) => (typeof m === "string" ? [m] : Object.values(m)));
    expect(texts.filter((s) => /\(s\)/.test(s))).toEqual([]);
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === "string" || !message.one) continue;
      expect(t(key as keyof typeof en, { count: 1 }), key).not.toMatch(/\b1 (schools|offers|reviews|accounts|devices|lines)\b/);
    }
  });
});
