/**
 * Binary search over sorted data: the one helper every lookup by position uses (normalized-to-original offsets, the
 * kept mention around a nested one, the entry holding a mention, the JSON path at an offset; the CLI's line of an
 * offset). Pure and dependency-free, so the CLI may import it as well as the core.
 */

/**
 * The first index in [lo, hi) at which `after(i)` is true, for a predicate that is false and then true over the
 * range (hi when it is never true). Binary search: about log2(hi - lo) calls of the predicate.
 * @example
 * partitionPoint(0, 4, (i) => [1, 3, 5, 7][i]! > 4) // 2
 */
export function partitionPoint(lo: number, hi: number, after: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * Index of the last element of an ascending list that is <= `at` (0 when none is).
 * @example
 * lastAtOrBefore([0, 10, 20], 15) // 1
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, at: number): number {
  return Math.max(0, partitionPoint(0, sorted.length, (i) => sorted[i]! > at) - 1);
}

/**
 * lastAtOrBefore, walking from a nearby index instead of bisecting: for positions visited in text order (a
 * resume's mentions) it is a step or none. Same result for any hint in range.
 */
export function lastAtOrBeforeFrom(sorted: ArrayLike<number>, at: number, hint: number): number {
  let k = hint;
  while (k > 0 && sorted[k]! > at) k--;
  while (k + 1 < sorted.length && sorted[k + 1]! <= at) k++;
  return k;
}
