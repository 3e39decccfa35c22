import { describe, expect, it } from "vitest";
import { checkOffer } from "~/domain/catalogue/offer-check";
import { fieldsToFormValues, offerFormSchema, parseTiers, submissionErrors, tierSequenceError } from "~/domain/catalogue/offer-schema";
import { parseValues } from "~/forms.server";
import { runInLocale } from "~/i18n/request-locale.server";
import { completeFields } from "../factories/quality";

const base = completeFields();

const complete = () => ({ ...fieldsToFormValues(base), intent: "submit" });

describe("the offer form", () => {
  it("saves a draft with only a title", () => {
    const parsed = parseValues({ intent: "save", title: "Phonics catch-up" }, offerFormSchema());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.fields.title).toBe("Phonics catch-up");
    expect(parsed.data.fields.priceTiers).toEqual([]);
    expect(parsed.data.fields.vatTreatment).toBeNull();
  });

  it("needs a title even for a draft, and still checks what is given", () => {
    const parsed = parseValues({ intent: "save", title: "  ", minCapacity: "two", "tiers[0].min": "1", "tiers[0].price": "-5" }, offerFormSchema());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.title).toEqual(["Enter a title"]);
    expect(parsed.errors.minCapacity?.[0]).toBe("Minimum capacity must be a whole number");
    expect(parsed.errors["tiers[0].price"]?.[0]).toMatch(/enter a price in pounds/);
  });

  it("round-trips a complete revision through the form's values", () => {
    const parsed = parseValues(complete(), offerFormSchema());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.fields).toEqual(base);
  });

  it("needs everything to submit, with a message next to each missing field", () => {
    const parsed = parseValues({ intent: "submit", title: "Phonics catch-up" }, offerFormSchema());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    // Every field a submission needs, in alphabetical order, and nothing else: one message each.
    const required = [
      "cancellationTerms",
      "deliveryFormat",
      "deliveryTerms",
      "description",
      "duration",
      "evidence",
      "evidenceStrength",
      "maxCapacity",
      "minCapacity",
      "outcomes",
      "phases",
      "priceTiers",
      "pricingModel",
      "subjectAreas",
      "summary",
      "terms",
      "vatAcademy",
      "vatLaMaintained",
      "vatOther",
    ];
    expect(Object.keys(parsed.errors).sort()).toEqual(required);
    for (const field of required) expect(parsed.errors[field], field).toHaveLength(1);
  });

  it("refuses unknown choices, overlong text and a maximum below the minimum", () => {
    const parsed = parseValues(
      { ...complete(), subjectAreas: ["literacy", "astrology"], deliveryFormat: "carrier pigeon", title: "x".repeat(151), minCapacity: "10", maxCapacity: "5" },
      offerFormSchema(),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.subjectAreas?.[0]).toBe("Choose subject areas from the list");
    expect(parsed.errors.deliveryFormat?.[0]).toBe("Choose a delivery format from the list");
    expect(parsed.errors.title?.[0]).toBe("Title must be 150 characters or fewer");
    expect(parsed.errors.maxCapacity?.[0]).toBe("Maximum capacity must be at least the minimum capacity");
  });
});

describe("the offer form in Welsh", () => {
  it("says every message in Welsh, those built when the module loaded and those made while checking", () => {
    const parsed = runInLocale("cy", () =>
      parseValues(
        { intent: "submit", title: "x".repeat(151), minCapacity: "two", subjectAreas: ["astrology"], "tiers[0].min": "2", "tiers[0].price": "900" },
        offerFormSchema(),
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.title).toEqual(["Rhaid i Y teitl fod yn 150 nod neu lai"]);
    expect(parsed.errors.minCapacity).toEqual(["Rhaid i Y capasiti lleiaf fod yn rhif cyfan"]);
    expect(parsed.errors.subjectAreas).toEqual(["Dewiswch feysydd pwnc o’r rhestr"]);
    expect(parsed.errors.summary).toEqual(["Rhowch grynodeb"]);
    expect(parsed.errors.vatAcademy).toEqual(["Dewiswch y driniaeth TAW ar gyfer academïau"]);
    expect(parsed.errors.priceTiers).toEqual(["Rhaid i’r haen gyntaf ddechrau ar 1 ysgol"]);
    const english = /\b(the|enter|choose|must|tier)\b/i;
    for (const [field, messages] of Object.entries(parsed.errors)) for (const message of messages ?? []) expect(message, field).not.toMatch(english);
  });

  it("names tiers in Welsh when the sequence is broken", () => {
    const message = runInLocale("cy", () =>
      tierSequenceError([
        { minSchools: 1, maxSchools: 4, unitPricePence: 100 },
        { minSchools: 6, maxSchools: null, unitPricePence: 90 },
      ]),
    );
    expect(message).toBe("Rhaid i haen 2 ddechrau ar 5 o ysgolion, yn syth ar ôl haen 1, heb fwlch na gorgyffwrdd");
  });
});

describe("price tiers", () => {
  const row = (min: string, max: string, price: string) => ({ min, max, price });

  it("parses pounds into pence and ignores blank rows", () => {
    expect(parseTiers([row("1", "4", "£900"), row("5", "9", "750.50"), row("", "", ""), row("10", "", "1,600")])).toEqual({
      tiers: [
        { minSchools: 1, maxSchools: 4, unitPricePence: 90000 },
        { minSchools: 5, maxSchools: 9, unitPricePence: 75050 },
        { minSchools: 10, maxSchools: null, unitPricePence: 160000 },
      ],
      errors: {},
    });
  });

  it("must start at 1, run on without gaps or overlaps, and be open-ended only at the end", () => {
    expect(parseTiers([row("2", "4", "900")]).errors.priceTiers).toEqual(["The first tier must start at 1 school"]);
    expect(parseTiers([row("1", "4", "900"), row("6", "", "700")]).errors.priceTiers?.[0]).toMatch(/Tier 2 must start at 5 schools/);
    expect(parseTiers([row("1", "4", "900"), row("4", "", "700")]).errors.priceTiers?.[0]).toMatch(/no gap or overlap/);
    expect(parseTiers([row("1", "", "900"), row("5", "", "700")]).errors["tiers[0].max"]?.[0]).toMatch(/only the last tier/);
    expect(parseTiers([row("1", "0", "900")]).errors["tiers[0].max"]?.[0]).toMatch(/whole number/);
    expect(parseTiers([row("3", "2", "900")]).errors["tiers[0].max"]?.[0]).toMatch(/at least the smallest/);
  });

  it("needs positive prices in whole pence", () => {
    for (const price of ["0", "-1", "9.999", "abc", ""]) expect(parseTiers([row("1", "", price)]).errors["tiers[0].price"], price).toHaveLength(1);
    expect(tierSequenceError([{ minSchools: 1, maxSchools: null, unitPricePence: 0.5 }])).toMatch(/more than £0/);
  });

  it("is checked again on submission of stored content", () => {
    expect(submissionErrors({ ...base, priceTiers: [{ minSchools: 2, maxSchools: null, unitPricePence: 100 }] }).priceTiers).toEqual([
      "The first tier must start at 1 school",
    ]);
    expect(submissionErrors(base)).toEqual({});
  });
});

describe("price tiers posted as a list", () => {
  /** One row of the tiers table, under the names the form posts it by. */
  const tierRow = (row: number, min: string, max: string, price: string) => ({
    [`tiers[${row}].min`]: min,
    [`tiers[${row}].max`]: max,
    [`tiers[${row}].price`]: price,
  });
  const post = (tiers: Record<string, string>) => parseValues({ intent: "save", title: "Phonics catch-up", ...tiers }, offerFormSchema());

  it("reads tiers[0].min, tiers[0].max and tiers[0].price as the list of tiers, in the order of the rows", () => {
    const parsed = post({ ...tierRow(1, "5", "", "750"), ...tierRow(0, "1", "4", "900") });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.data.fields.priceTiers).toEqual([
        { minSchools: 1, maxSchools: 4, unitPricePence: 90000 },
        { minSchools: 5, maxSchools: null, unitPricePence: 75000 },
      ]);
  });

  it("skips blank rows and rows not posted between the tiers", () => {
    const parsed = post({ ...tierRow(0, "1", "4", "900"), "tiers[1].min": "", "tiers[3].min": "5", "tiers[3].price": "700" });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.fields.priceTiers.map((tier) => tier.minSchools)).toEqual([1, 5]);
  });

  it("puts each bad number's message by its own field, naming the row as the page does", () => {
    const parsed = post({ ...tierRow(0, "1", "4", "900"), ...tierRow(1, "5", "ten", "£7x") });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors["tiers[1].max"]).toEqual([
      "Tier 2: enter the largest number of schools as a whole number up to 100000, or leave it blank for no limit",
    ]);
    expect(parsed.errors["tiers[1].price"]?.[0]).toMatch(/^Tier 2: enter a price in pounds/);
    expect(Object.keys(parsed.errors).sort()).toEqual(["tiers[1].max", "tiers[1].price"]);
    // What was typed comes back under the names the form posted, to fill it in again.
    expect(parsed.values["tiers[1].max"]).toBe("ten");
  });

  it("refuses more rows than the form has, by the tiers' fieldset", () => {
    const parsed = post({ "tiers[5].min": "1", "tiers[5].price": "900" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.priceTiers).toEqual(["Enter at most 5 price tiers"]);
  });

  it("refuses a row number no form has without building the list, and ignores conform's own control fields", () => {
    const far = post({ "tiers[99999999].min": "1" });
    expect(far.ok).toBe(false);
    if (!far.ok) expect(Object.keys(far.errors)).toEqual(["form"]);
    const controlled = post({ __intent__: JSON.stringify({ type: "reset", payload: {} }), __state__: "{" });
    expect(controlled.ok).toBe(true);
    if (controlled.ok) expect(controlled.data.fields.title).toBe("Phonics catch-up");
  });

  it("gives the same messages in the browser's check (conform's onValidate) as on the server", () => {
    const body = new FormData();
    for (const [name, value] of Object.entries({ intent: "save", title: "Phonics catch-up", ...tierRow(0, "1", "0", "900") })) body.append(name, value);
    const submission = checkOffer(body);
    expect(submission.status).toBe("error");
    const server = parseValues(Object.fromEntries(body) as Record<string, string>, offerFormSchema());
    expect(server.ok).toBe(false);
    if (!server.ok && submission.status === "error") expect(submission.error).toEqual(server.errors);
  });
});
