// Payouts to providers through Stripe: which sales are paid out by transfer, and when.
export const payouts = {
  "payouts.intro.whenConfirmed":
    "The authority pays your share of a sale into your bank account through Stripe when the school has paid for it through Stripe and has confirmed delivery.",
  "payouts.intro.otherSales":
    "Sales a school paid by bank transfer, by internal recharge or from its consortium pot are paid to you in the authority’s usual payment run.",
  "payouts.ownService":
    "This is the authority’s own traded service: its takings stay in the authority’s accounts, so there is nothing to pay out through Stripe.",
  "payouts.transfers.school": "School",
};
