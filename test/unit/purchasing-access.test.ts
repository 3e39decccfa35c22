import { describe, expect, it } from "vitest";
import type { MembershipGrant } from "~/auth/permissions";
import type { Role } from "~/db.server";
import { mayViewCollectivePurchase, mayViewInvoice, mayViewOrder, offerPageFor, withViewerAccess } from "~/domain/purchasing/access";

const A = "authority-a";
const B = "authority-b";
const order = { schoolId: "school-1", providerId: "provider-1" };
const grant = (role: Role, organisationId: string, authorityId = A): MembershipGrant => ({ role, organisationId, authorityId });
const acting = (role: Role, organisationId: string, organisationKind: string, authorityId = A) => ({
  grants: [grant(role, organisationId, authorityId)],
  acting: { organisationId, organisationKind, authorityId },
});

describe("who may open an order, its invoice and its offer", () => {
  it("opens an order to the school that bought it, its provider and the authority's finance, and to nobody of another authority", () => {
    expect(mayViewOrder([grant("headteacher", "school-1")], A, order)).toBe(true);
    expect(mayViewOrder([grant("school_business_manager", "school-1")], A, order)).toBe(true);
    expect(mayViewOrder([grant("provider_staff", "provider-1")], A, order)).toBe(true);
    expect(mayViewOrder([grant("la_finance", "office")], A, order)).toBe(true);
    expect(mayViewOrder([grant("headteacher", "school-2")], A, order)).toBe(false);
    expect(mayViewOrder([grant("provider_admin", "provider-2")], A, order)).toBe(false);
    expect(mayViewOrder([grant("consortium_lead", "consortium-1")], A, order)).toBe(false);
    expect(mayViewOrder([grant("challenge_adviser", "office")], A, order)).toBe(false);
    expect(mayViewOrder([grant("la_finance", "office", B)], A, order)).toBe(false);
  });

  it("opens a collective purchase to its consortium's lead, the commissioner, finance and a school answering in the consortium today", () => {
    expect(mayViewCollectivePurchase([grant("consortium_lead", "consortium-1")], A, "consortium-1", [])).toBe(true);
    expect(mayViewCollectivePurchase([grant("commissioner", "office")], A, "consortium-1", [])).toBe(true);
    expect(mayViewCollectivePurchase([grant("la_finance", "office")], A, "consortium-1", [])).toBe(true);
    expect(mayViewCollectivePurchase([grant("headteacher", "school-1")], A, "consortium-1", ["school-1"])).toBe(true);
    // A school that has left the consortium answers in it no more.
    expect(mayViewCollectivePurchase([grant("headteacher", "school-1")], A, "consortium-1", [])).toBe(false);
    expect(mayViewCollectivePurchase([grant("consortium_lead", "consortium-2")], A, "consortium-1", [])).toBe(false);
    expect(mayViewCollectivePurchase([grant("provider_admin", "provider-1")], A, "consortium-1", [])).toBe(false);
    expect(mayViewCollectivePurchase([grant("la_finance", "office", B)], A, "consortium-1", [])).toBe(false);
  });

  it("opens an invoice to the school it bills and the authority's finance, not to the provider that delivered", () => {
    expect(mayViewInvoice([grant("headteacher", "school-1")], A, "school-1")).toBe(true);
    expect(mayViewInvoice([grant("la_finance", "office")], A, "school-1")).toBe(true);
    expect(mayViewInvoice([grant("provider_admin", "provider-1")], A, "school-1")).toBe(false);
    expect(mayViewInvoice([grant("headteacher", "school-2")], A, "school-1")).toBe(false);
    expect(mayViewInvoice([grant("la_finance", "office", B)], A, "school-1")).toBe(false);
  });

  it("links an offer to the catalogue for a buyer, to the provider's own page for its provider, and nowhere for anyone else", () => {
    const offer = { id: "offer-1", providerId: "provider-1" };
    expect(offerPageFor(acting("headteacher", "school-1", "school"), offer)).toBe("/catalogue/offer-1");
    expect(offerPageFor(acting("provider_admin", "provider-1", "provider"), offer)).toBe("/provider/offers/offer-1");
    expect(offerPageFor(acting("provider_admin", "provider-2", "provider"), offer)).toBeNull();
    expect(offerPageFor(acting("la_finance", "office", "authority"), offer)).toBeNull();
    expect(offerPageFor({ grants: [grant("headteacher", "school-1")], acting: null }, offer)).toBeNull();
  });

  it("marks each order of a table with what the viewer may open", () => {
    const rows = withViewerAccess([grant("provider_admin", "provider-1")], A, [order, { schoolId: "school-2", providerId: "provider-2" }]);
    expect(rows.map((r) => [r.orderOpen, r.invoiceOpen])).toEqual([
      [true, false],
      [false, false],
    ]);
  });
});
