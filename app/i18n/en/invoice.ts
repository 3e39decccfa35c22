// How an invoice line's share was reached.
export const invoice = {
  "invoiceLine.basis.tier.per_school": { one: "{count} school at {price} each: {total} in all", other: "{count} schools at {price} each: {total} in all" },
  "invoiceLine.basis.tier.fixed_package": { one: "{count} school at {price} each: {total} in all", other: "{count} schools at {price} each: {total} in all" },
  "invoiceLine.basis.tier.per_pupil": {
    one: "{units} pupils at {price} a pupil, the price for {count} school: {total} in all",
    other: "{units} pupils at {price} a pupil, the price for {count} schools: {total} in all",
  },
  "invoiceLine.basis.tier.per_delegate": {
    one: "{units} delegates at {price} a delegate, the price for {count} school: {total} in all",
    other: "{units} delegates at {price} a delegate, the price for {count} schools: {total} in all",
  },
  "invoiceLine.basis.share.equal": { one: "Equal share: 1 of {count} school", other: "Equal share: 1 of {count} schools" },
  "invoiceLine.basis.share.per_pupil": {
    one: "Share by pupils: {mine} of {of} pupils across {count} school",
    other: "Share by pupils: {mine} of {of} pupils across {count} schools",
  },
  "invoiceLine.basis.share.per_delegate": {
    one: "Per delegate: {mine} of {of} delegates across {count} school",
    other: "Per delegate: {mine} of {of} delegates across {count} schools",
  },
  "invoiceLine.basis.capAtSolo": "No school pays more than it would buying alone; any excess is shared among the others by the same rule",
  "invoiceLine.basis.label": "How this share was worked out",
} as const;
