/**
 * Forming balanced groups, pure. People carry attribute values (constituency, region, language, sex; an
 * unknown value is a value of its own, `''`); the result puts every person in exactly one of `groupCount`
 * groups whose sizes differ by at most one, and spreads each value of each attribute as evenly as the
 * numbers allow: for each attribute and value, the counts per group differ by at most one whenever some
 * grouping achieves that for every attribute at once.
 *
 * How: a first grouping deals people round-robin after sorting them by their attributes (so the first
 * attribute is spread evenly from the start), then swaps of two people between groups are made while they
 * lower the cost: the sum over attributes, values and groups of (count − fair share)². That cost is at its
 * lowest possible value exactly when every spread is at most one, so the search stops when it gets there;
 * until then (within a work budget) it kicks the grouping with a few random swaps (the caller's seeded
 * `random`) and descends again, keeping the best grouping found (iterated local search).
 */

export interface Person {
  id: string;
  /** Attribute name → value (`''` when unknown). Every person has the same attribute names. */
  attributes: Readonly<Record<string, string>>;
}

/** The balancing attributes, in priority order. */
export const BALANCE_ATTRIBUTES = ['constituency', 'region', 'language', 'sex'] as const;

/** Per attribute and value, the largest difference between two groups' counts. */
export function spreads(groups: readonly (readonly Person[])[]): Map<string, number> {
  const result = new Map<string, number>();
  const keys = new Set<string>();
  for (const group of groups)
    for (const p of group) for (const [a, v] of Object.entries(p.attributes)) keys.add(`${a}\u0000${v}`);
  for (const key of keys) {
    const [a, v] = key.split('\u0000') as [string, string];
    const counts = groups.map((g) => g.filter((p) => p.attributes[a] === v).length);
    result.set(key, Math.max(...counts) - Math.min(...counts));
  }
  return result;
}

/** A cost that is minimal exactly when every attribute value is spread as evenly as possible. */
function costOf(counts: readonly Map<string, number>[], totals: Map<string, number>, k: number): number {
  let cost = 0;
  for (const [key, total] of totals) {
    const share = total / k;
    for (const c of counts) {
      const d = (c.get(key) ?? 0) - share;
      cost += d * d;
    }
  }
  return cost;
}

const KEYS = new WeakMap<Person, string[]>();

/** The person's `attribute\0value` keys, in attribute order (cached). */
function keysOf(p: Person): string[] {
  let keys = KEYS.get(p);
  if (!keys) {
    keys = Object.keys(p.attributes)
      .sort()
      .map((a) => `${a}\u0000${p.attributes[a] ?? ''}`);
    KEYS.set(p, keys);
  }
  return keys;
}

/** A grouping being improved: its groups and each group's count per attribute value. */
interface State {
  groups: Person[][];
  counts: Map<string, number>[];
}

function stateOf(order: readonly Person[], k: number): State {
  const groups: Person[][] = Array.from({ length: k }, () => []);
  order.forEach((p, i) => {
    groups[i % k]?.push(p);
  });
  const counts = groups.map((g) => {
    const m = new Map<string, number>();
    for (const p of g) for (const key of keysOf(p)) m.set(key, (m.get(key) ?? 0) + 1);
    return m;
  });
  return { groups, counts };
}

/** Swaps person i of group a with person j of group b. */
function swap(state: State, a: number, i: number, b: number, j: number): void {
  const ga = state.groups[a] as Person[];
  const gb = state.groups[b] as Person[];
  const p = ga[i] as Person;
  const q = gb[j] as Person;
  const move = (g: number, out: Person, into: Person) => {
    const m = state.counts[g] as Map<string, number>;
    for (const key of keysOf(out)) m.set(key, (m.get(key) ?? 0) - 1);
    for (const key of keysOf(into)) m.set(key, (m.get(key) ?? 0) + 1);
  };
  move(a, p, q);
  move(b, q, p);
  ga[i] = q;
  gb[j] = p;
}

/** Improving swaps until none is left (a local minimum of the cost); returns the work done. */
function descend(state: State, shares: Map<string, number>): number {
  const k = state.groups.length;
  // The change of cost when `out` leaves group g and `into` joins it (one value per attribute each).
  const delta = (g: number, out: Person, into: Person): number => {
    const m = state.counts[g] as Map<string, number>;
    const outKeys = keysOf(out);
    const intoKeys = keysOf(into);
    let d = 0;
    for (let x = 0; x < outKeys.length; x++) {
      const ko = outKeys[x] as string;
      const ki = intoKeys[x] as string;
      if (ko === ki) continue;
      const o = (m.get(ko) ?? 0) - (shares.get(ko) ?? 0);
      const i = (m.get(ki) ?? 0) - (shares.get(ki) ?? 0);
      d += 2 - 2 * o + 2 * i;
    }
    return d;
  };
  let work = 0;
  let improved = true;
  while (improved) {
    improved = false;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const ga = state.groups[a] as Person[];
        const gb = state.groups[b] as Person[];
        for (let i = 0; i < ga.length; i++) {
          for (let j = 0; j < gb.length; j++) {
            work++;
            if (
              delta(a, ga[i] as Person, gb[j] as Person) + delta(b, gb[j] as Person, ga[i] as Person) <
              -1e-9
            ) {
              swap(state, a, i, b, j);
              improved = true;
            }
          }
        }
      }
    }
  }
  return work;
}

function clone(state: State): State {
  return { groups: state.groups.map((g) => [...g]), counts: state.counts.map((m) => new Map(m)) };
}

/** The lowest possible cost: each value's count is floor or ceil of its fair share in every group. */
function floorCost(totals: Map<string, number>, k: number): number {
  let cost = 0;
  for (const total of totals.values()) {
    const share = total / k;
    const high = total % k;
    const lo = Math.floor(share);
    cost += high * (lo + 1 - share) ** 2 + (k - high) * (lo - share) ** 2;
  }
  return cost;
}

/**
 * Splits `people` into `groupCount` groups. `random` returns numbers in [0, 1) (seed it for repeatable
 * results); `budget` bounds the work (pairs of people compared) spent looking for a better grouping.
 */
export function balanceGroups(
  people: readonly Person[],
  groupCount: number,
  random: () => number,
  budget = 400_000,
): Person[][] {
  const k = Math.max(1, Math.min(Math.floor(groupCount), Math.max(1, people.length)));
  if (people.length === 0) return Array.from({ length: k }, () => []);
  const totals = new Map<string, number>();
  for (const p of people) for (const key of keysOf(p)) totals.set(key, (totals.get(key) ?? 0) + 1);
  const shares = new Map([...totals].map(([key, t]) => [key, t / k]));
  const floor = floorCost(totals, k);
  const priority = Object.keys(people[0]?.attributes ?? {});
  const sortKey = (p: Person) => priority.map((a) => p.attributes[a] ?? '').join('\u0001');
  // The first grouping deals people sorted by their attributes (the first attribute is then even).
  const sorted = [...people].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  let current = stateOf(sorted, k);
  let work = descend(current, shares);
  let currentCost = costOf(current.counts, totals, k);
  let best = clone(current);
  let bestCost = currentCost;
  // Iterated local search: kick the grouping with a few random swaps, descend again, keep it unless worse.
  while (bestCost - floor > 1e-9 && work < budget && k > 1) {
    const next = clone(current);
    const kicks = 1 + Math.floor(random() * 3);
    for (let n = 0; n < kicks; n++) {
      const a = Math.floor(random() * k);
      const b = (a + 1 + Math.floor(random() * (k - 1))) % k;
      const i = Math.floor(random() * (next.groups[a]?.length ?? 0));
      const j = Math.floor(random() * (next.groups[b]?.length ?? 0));
      if (next.groups[a]?.[i] && next.groups[b]?.[j]) swap(next, a, i, b, j);
    }
    work += descend(next, shares) + people.length;
    const cost = costOf(next.counts, totals, k);
    if (cost <= currentCost + 1e-9) {
      current = next;
      currentCost = cost;
      if (cost < bestCost - 1e-9) {
        best = clone(next);
        bestCost = cost;
      }
    }
  }
  return best.groups;
}

/** A copy of `items` in random order (Fisher–Yates with the caller's `random`). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A small seeded generator (mulberry32) for repeatable groupings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
