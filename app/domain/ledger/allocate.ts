/**
 * Share an amount of pence by weights so that the parts add up to the total exactly
 * (the largest-remainder, or Hamilton, method). Each part is its exact share rounded down,
 * and the pennies left over go one each to the parts with the largest remainders; equal
 * remainders go to the earlier index, so the same input always gives the same answer.
 *
 * Weights are non-negative integers (pupils, delegates, basis points). A negative total is
 * shared as the mirror image of the positive one, so a refund undoes a charge penny for penny.
 * BigInt keeps total x weight exact beyond 2^53.
 */
export function allocateLargestRemainder(totalPence: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(totalPence)) throw new RangeError(`The total must be a whole number of pence, not ${totalPence}`);
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`Weights must be non-negative whole numbers, not ${w}`);
  }
  if (totalPence < 0) return allocateLargestRemainder(-totalPence, weights).map((p) => (p === 0 ? 0 : -p));

  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (totalPence === 0) return weights.map(() => 0);
    throw new RangeError("Cannot share a non-zero amount when every weight is zero");
  }
  const total = BigInt(totalPence);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, remainder: (total * BigInt(w)) % sum }));
  let left = Number(total - parts.reduce((a, p) => a + p, 0n));
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index] += 1n;
    left--;
  }
  return parts.map(Number);
}
