/**
 * Stable sort in place. Insertion sort for lists of up to 64 items (a role's contributions, a cluster of overlapping
 * phrases), where Array#sort's set-up and comparator calls cost more than the sort; Array#sort (also stable) above
 * that, so long lists from adversarial input stay O(n log n). Same result either way for a consistent comparator.
 */
export function stableSort<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  if (list.length > 64) return list.sort(cmp);
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(list[j]!, x) > 0) { list[j + 1] = list[j]!; j--; }
    list[j + 1] = x;
  }
  return list;
}
