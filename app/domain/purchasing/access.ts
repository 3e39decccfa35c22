// Who may open an order's page, an invoice's and an offer's: one rule each, used by the page that
// refuses and by every page that links to it, so that nobody is shown a link they would be refused.
import { can, type MembershipGrant } from "~/auth/permissions";

type Grants = readonly MembershipGrant[];

/** One of the school's own people who deal with what it buys: they buy for it or read its account. */
export function actsForSchool(grants: Grants, authorityId: string, schoolId: string): boolean {
  const school = { organisationId: schoolId, authorityId };
  return can(grants, "buy:offer", school) || can(grants, "view:statement", school);
}

/** The school that bought it, the provider delivering it and the authority's finance officers may open an order. */
export function mayViewOrder(grants: Grants, authorityId: string, order: { schoolId: string; providerId: string }): boolean {
  return (
    actsForSchool(grants, authorityId, order.schoolId) ||
    can(grants, "deliver:order", { organisationId: order.providerId, authorityId }) ||
    can(grants, "view:sales", { authorityId })
  );
}

/** The school it bills and the authority's finance officers may open an invoice. */
export function mayViewInvoice(grants: Grants, authorityId: string, schoolId: string): boolean {
  return actsForSchool(grants, authorityId, schoolId) || can(grants, "record:payment", { authorityId });
}

type Viewer = { grants: Grants; acting: { organisationId: string; organisationKind: string; authorityId: string } | null };

/**
 * The page of an offer this person may open, acting as they are: the catalogue's for a buyer, its
 * provider's own for the provider; none for anyone else (its title is then shown without a link).
 */
export function offerPageFor(viewer: Viewer, offer: { id: string; providerId: string }): string | null {
  const acting = viewer.acting;
  if (!acting) return null;
  if (can(viewer.grants, "browse:catalogue", acting)) return `/catalogue/${offer.id}`;
  if (acting.organisationKind === "provider" && acting.organisationId === offer.providerId && can(viewer.grants, "edit:offer", acting))
    return `/provider/offers/${offer.id}`;
  return null;
}

/** Orders with whether the viewer may open each one's page and its invoice's, for a table that links only those. */
export const withViewerAccess = <T extends { schoolId: string; providerId: string }>(grants: Grants, authorityId: string, orders: T[]) =>
  orders.map((order) => ({ ...order, orderOpen: mayViewOrder(grants, authorityId, order), invoiceOpen: mayViewInvoice(grants, authorityId, order.schoolId) }));

/**
 * A collective purchase opens to the lead of its consortium (and the authority's commissioners), the
 * authority's finance officers, and the people who answer for a school in its consortium today
 * (`answeringSchoolIds`: the schools the reader may join it for that are in the consortium now).
 */
export function mayViewCollectivePurchase(grants: Grants, authorityId: string, consortiumId: string, answeringSchoolIds: readonly string[]): boolean {
  return (
    answeringSchoolIds.length > 0 ||
    can(grants, "open:collective-purchase", { organisationId: consortiumId, authorityId }) ||
    can(grants, "view:sales", { authorityId })
  );
}
