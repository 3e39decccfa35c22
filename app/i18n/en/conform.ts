// The offer form's price tiers as a list.
export const conform = {
  "offerSchema.tier.tooMany": "Enter at most {max} price tiers",
};
