/**
 * Assigning the roles of a role-play to people (or groups): at random, or in balance so that nobody plays
 * a role of their own constituency unless the facilitator allows it. Pure: the caller gives the roles, the
 * people and a source of random numbers (seeded in tests).
 *
 * Both ways fill the roles as evenly as the numbers allow (role sizes differ by at most one). In balance,
 * people are matched to role seats by a maximum bipartite matching over the seats of other constituencies,
 * so the number of people who play their own constituency is the smallest possible for those seats; the
 * larger seats go first to the roles fewest people belong to.
 */

/** A role to fill. */
export interface RoleToFill {
  id: string;
  /** The constituency the role speaks for, or null. */
  constituency: string | null;
}

/** A person (or a group) to place: the constituencies they belong to (a group: its members'). */
export interface Placeable {
  id: string;
  constituencies: readonly string[];
}

export const ASSIGNMENT_MODES = ['random', 'balanced'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface AssignmentResult {
  /** Holder id → role id (everyone placed exactly once; none when there is no role). */
  roleOf: Map<string, string>;
  /** Holders who play their own constituency (always empty when that is allowed or in random mode). */
  ownConstituency: string[];
}

/** True when a holder belongs to the role's constituency. */
export function playsOwnConstituency(role: RoleToFill, holder: Placeable): boolean {
  return role.constituency !== null && holder.constituencies.includes(role.constituency);
}

/** Fisher–Yates with the given random source (0 ≤ random() < 1). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** How many seats each role gets: `floor(n / r)` each, one more for the first `n mod r` in `order`. */
export function seatCounts(roleIds: readonly string[], people: number): Map<string, number> {
  const base = Math.floor(people / Math.max(roleIds.length, 1));
  const extra = people - base * roleIds.length;
  return new Map(roleIds.map((id, i) => [id, base + (i < extra ? 1 : 0)]));
}

/** Assigns every holder a role (see the file's comment). */
export function assignRoles(
  roles: readonly RoleToFill[],
  holders: readonly Placeable[],
  options: { mode: AssignmentMode; allowOwnConstituency: boolean; random: () => number },
): AssignmentResult {
  const roleOf = new Map<string, string>();
  if (roles.length === 0 || holders.length === 0) return { roleOf, ownConstituency: [] };
  const people = shuffled(holders, options.random);
  const careful = options.mode === 'balanced' && !options.allowOwnConstituency;
  // The roles fewest people belong to take the larger seats first (more room for everyone else).
  const belonging = (role: RoleToFill) => people.filter((p) => playsOwnConstituency(role, p)).length;
  const order = careful
    ? shuffled(roles, options.random).sort((a, b) => belonging(a) - belonging(b))
    : shuffled(roles, options.random);
  const seats: RoleToFill[] = [];
  for (const [id, count] of seatCounts(
    order.map((r) => r.id),
    people.length,
  ))
    for (let i = 0; i < count; i += 1) seats.push(order.find((r) => r.id === id) as RoleToFill);
  if (!careful) {
    for (const [i, person] of people.entries()) roleOf.set(person.id, (seats[i] as RoleToFill).id);
    return { roleOf, ownConstituency: [] };
  }
  const seatOf = maximumMatching(people, seats);
  const free = seats.map((_, i) => i).filter((i) => !seatOf.includes(i));
  const ownConstituency: string[] = [];
  people.forEach((person, p) => {
    let seat = seatOf[p] ?? -1;
    if (seat < 0) {
      seat = free.shift() as number;
      ownConstituency.push(person.id);
    }
    roleOf.set(person.id, (seats[seat] as RoleToFill).id);
  });
  return { roleOf, ownConstituency };
}

/** Person index → seat index (-1 when unmatched) over the edges "the seat is not of their constituency". */
function maximumMatching(people: readonly Placeable[], seats: readonly RoleToFill[]): number[] {
  const seatOf = people.map(() => -1);
  const personOf = seats.map(() => -1);
  const tryPerson = (p: number, seen: boolean[]): boolean => {
    for (let s = 0; s < seats.length; s += 1) {
      if (seen[s] || playsOwnConstituency(seats[s] as RoleToFill, people[p] as Placeable)) continue;
      seen[s] = true;
      const holder = personOf[s] as number;
      if (holder < 0 || tryPerson(holder, seen)) {
        seatOf[p] = s;
        personOf[s] = p;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < people.length; p += 1)
    tryPerson(
      p,
      seats.map(() => false),
    );
  return seatOf;
}

/** A small seeded random source (mulberry32): the same seed gives the same assignment. */
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
