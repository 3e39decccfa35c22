export const home = {
  "home.task.needAnswers": {
    one: "1 answer to your call for offers “{title}” is waiting",
    other: "{count} answers to your call for offers “{title}” are waiting",
  },
  "home.task.callForOffers": "Open call for offers: {title} (closes {closesOn})",
} as const;
