// The monthly budget briefing: the pot's funding in, by where it came from.
export const briefing = {
  "briefing.fundingIn.authority": "Funding in from the authority",
  "briefing.fundingIn.match": "Match funding in from schools",
};
