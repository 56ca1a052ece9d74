/**
 * Counting achievements within one window: which requirements can be met together, and which
 * achievement counts where. A course (after equivalences) counts once, for one requirement; a
 * `choose` needs distinct courses. This is a bipartite matching of requirement places to courses,
 * where a requirement is met only when all its places are filled: the engine tries every subset of
 * requirements (there are few) and keeps the one that meets the most, the capstone included. The
 * remaining courses then fill the unmet requirements' places; the number of places filled is the
 * size of a maximum matching, whichever subset is met (augmenting paths never empty a filled place).
 *
 * Shortcuts that give the same answer as the general matching (bulk evaluation runs this for every
 * candidate, and most rule versions list each course in one requirement only):
 * - requirements that share no course never compete, so a subset of them that are each meetable alone
 *   is meetable together, and each one's places are filled from its own courses exactly as the
 *   matching would fill them (a `course` gets its listed courses that are available, in list order; a
 *   `choose` its first `count` available courses in order of preference);
 * - the subsets are tried largest first and the score only grows with the subset, so the search stops
 *   at the first subset whose score no other can beat.
 */
import type { IsoDate } from './dates.js';
import type { CapstoneRequirement, CourseRequirement, PathwayRules } from './rules.js';

/** An achievement that may count: a Certificate of Achievement, not revoked, for a listed course. */
export interface Component {
  course: string;
  code: string;
  start: IsoDate;
  completed: IsoDate;
}

/** A course requirement, with the bit that stands for it in a subset and its places. */
export interface CompiledCourseRequirement {
  index: number;
  requirement: CourseRequirement;
  bit: number;
  /** One entry per course needed: the codes that may fill it. */
  places: string[][];
  /** The listed courses, for membership tests. */
  courses: ReadonlySet<string>;
  /** Courses needed to meet it (`places.length`). */
  needed: number;
  /** The bits of the other course requirements that list one of its courses too. */
  sharesWith: number;
}

/** The rules compiled for counting. */
export interface CompiledRules {
  courseRequirements: CompiledCourseRequirement[];
  capstone: { index: number; requirement: CapstoneRequirement; afterBits: number } | null;
  requirementCount: number;
  /** True when no course is listed by two course requirements (the common case: see the shortcuts). */
  isDisjoint: boolean;
}

/** Which requirements one window meets, and which course fills each place. */
export interface Assignment {
  /** Requirements met, the capstone included. */
  score: number;
  /** Places filled (courses counted, at most what each requirement needs) plus the capstone if met. */
  places: number;
  metBits: number;
  capstoneMet: boolean;
  /** The codes counted per course requirement (same order as `courseRequirements`). */
  countedCodes: string[][];
}

function placesOf(requirement: CourseRequirement): string[][] {
  if (requirement.kind === 'course') return requirement.courses.map((code) => [code]);
  return Array.from({ length: requirement.count }, () => requirement.courses);
}

function bitsOf(entries: CompiledCourseRequirement[], ids: string[]): number {
  return entries
    .filter((entry) => ids.includes(entry.requirement.id))
    .reduce((bits, entry) => bits | entry.bit, 0);
}

/** Compiles the rules once per rule version: bits for subsets, places, the capstone's prerequisites. */
export function compileRules(rules: PathwayRules): CompiledRules {
  const courseKinds = rules.requirements.flatMap((requirement, index) =>
    requirement.kind === 'capstone' ? [] : [{ index, requirement }],
  );
  // The first requirement gets the highest bit, so ties between subsets favour earlier requirements.
  const courseRequirements: CompiledCourseRequirement[] = courseKinds.map(
    ({ index, requirement }, position) => {
      const places = placesOf(requirement);
      return {
        index,
        requirement,
        bit: 1 << (courseKinds.length - 1 - position),
        places,
        courses: new Set(requirement.courses),
        needed: places.length,
        sharesWith: 0,
      };
    },
  );
  let isDisjoint = true;
  for (const entry of courseRequirements) {
    for (const other of courseRequirements) {
      if (other !== entry && other.requirement.courses.some((code) => entry.courses.has(code))) {
        entry.sharesWith |= other.bit;
        isDisjoint = false;
      }
    }
  }
  const capstoneIndex = rules.requirements.findIndex((requirement) => requirement.kind === 'capstone');
  const found = rules.requirements[capstoneIndex];
  const capstone =
    found?.kind === 'capstone'
      ? { index: capstoneIndex, requirement: found, afterBits: bitsOf(courseRequirements, found.after) }
      : null;
  return { courseRequirements, capstone, requirementCount: rules.requirements.length, isDisjoint };
}

interface Matching {
  places: string[][];
  codes: string[];
  owner: Map<string, number>;
  filled: (string | null)[];
  visited: Set<string>;
}

function fill(matching: Matching, place: number, code: string): true {
  matching.owner.set(code, place);
  matching.filled[place] = code;
  return true;
}

/** Finds a code for a place: a free one (in preference order), else one whose holder can move. */
function augment(matching: Matching, place: number): boolean {
  const allowed = matching.places[place] ?? [];
  for (const code of matching.codes) {
    if (!matching.owner.has(code) && allowed.includes(code)) return fill(matching, place, code);
  }
  for (const code of matching.codes) {
    if (matching.visited.has(code) || !allowed.includes(code)) continue;
    matching.visited.add(code);
    if (augment(matching, matching.owner.get(code) ?? -1)) return fill(matching, place, code);
  }
  return false;
}

/** Kuhn's augmenting paths over places and course codes; a filled place stays filled. */
function matchPlaces(places: string[][], codes: string[]): (string | null)[] {
  const matching: Matching = {
    places,
    codes,
    owner: new Map(),
    filled: places.map(() => null),
    visited: new Set(),
  };
  for (let place = 0; place < places.length; place++) {
    matching.visited.clear();
    augment(matching, place);
  }
  return matching.filled;
}

function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

function canMeetAll(compiled: CompiledRules, bits: number, codes: string[]): boolean {
  // Every requirement of `bits` is meetable alone (the caller only asks about those): when none of
  // them shares a course with another of them, they are meetable together.
  let competing = false;
  for (const entry of compiled.courseRequirements) {
    if (bits & entry.bit && entry.sharesWith & bits) competing = true;
  }
  if (!competing) return true;
  const places = compiled.courseRequirements
    .filter((entry) => bits & entry.bit)
    .flatMap((entry) => entry.places);
  return matchPlaces(places, codes).every((code) => code !== null);
}

/** How many of a requirement's courses are among the codes (the codes are distinct). */
function availableOf(entry: CompiledCourseRequirement, codes: string[]): number {
  let available = 0;
  for (const code of codes) if (entry.courses.has(code)) available++;
  return available;
}

/** Whether the capstone is met with these requirements met. */
function isCapstoneMet(compiled: CompiledRules, bits: number, capstonePossible: boolean): boolean {
  const { capstone } = compiled;
  return capstonePossible && capstone !== null && (bits & capstone.afterBits) === capstone.afterBits;
}

function scoreOf(compiled: CompiledRules, bits: number, capstonePossible: boolean): number {
  return popcount(bits) + (isCapstoneMet(compiled, bits, capstonePossible) ? 1 : 0);
}

/** The bits of the requirements that the codes could meet, each alone. */
function meetableBits(compiled: CompiledRules, codes: string[]): number {
  let meetable = 0;
  for (const entry of compiled.courseRequirements) {
    if (availableOf(entry, codes) >= entry.needed) meetable |= entry.bit;
  }
  return meetable;
}

/** The subset of requirements with the best score (requirements met, the capstone included). */
function bestSubset(compiled: CompiledRules, codes: string[], capstonePossible: boolean): number {
  const meetable = meetableBits(compiled, codes);
  let best = 0;
  let bestScore = scoreOf(compiled, 0, capstonePossible);
  // No subset scores more than all the meetable requirements together.
  const topScore = scoreOf(compiled, meetable, capstonePossible);
  // Submasks of `meetable`, largest first: the first best found favours earlier requirements.
  for (let bits = meetable; bits > 0 && bestScore < topScore; bits = (bits - 1) & meetable) {
    const score = scoreOf(compiled, bits, capstonePossible);
    if (score > bestScore && canMeetAll(compiled, bits, codes)) {
      best = bits;
      bestScore = score;
    }
  }
  return best;
}

/** An upper bound of `assignCourses` (score, places), cheap enough to skip hopeless windows. */
export function boundAssignment(
  compiled: CompiledRules,
  codes: string[],
  capstonePossible: boolean,
): { score: number; places: number } {
  let meetable = 0;
  let places = 0;
  for (const entry of compiled.courseRequirements) {
    const available = availableOf(entry, codes);
    if (available >= entry.needed) meetable |= entry.bit;
    places += Math.min(available, entry.needed);
  }
  const capstone = isCapstoneMet(compiled, meetable, capstonePossible) ? 1 : 0;
  return { score: popcount(meetable) + capstone, places: Math.min(places, codes.length) + capstone };
}

/** With disjoint requirements: each one's places filled from its own courses, as the matching would. */
function countDisjoint(compiled: CompiledRules, codes: string[]): string[][] {
  return compiled.courseRequirements.map((entry) => {
    const counted: string[] = [];
    if (entry.requirement.kind === 'course') {
      for (const code of entry.requirement.courses) if (codes.includes(code)) counted.push(code);
    } else {
      for (const code of codes) {
        if (counted.length === entry.needed) break;
        if (entry.courses.has(code)) counted.push(code);
      }
    }
    return counted;
  });
}

/** The general case: the matching, places of the met requirements first. */
function countMatched(compiled: CompiledRules, codes: string[], metBits: number): string[][] {
  const ordered = [
    ...compiled.courseRequirements.filter((entry) => metBits & entry.bit),
    ...compiled.courseRequirements.filter((entry) => !(metBits & entry.bit)),
  ];
  const placeOwners = ordered.flatMap((entry) => entry.places.map(() => entry.index));
  const filled = matchPlaces(
    ordered.flatMap((entry) => entry.places),
    codes,
  );
  return compiled.courseRequirements.map((entry) =>
    filled.filter((code, place): code is string => code !== null && placeOwners[place] === entry.index),
  );
}

/**
 * Counts the courses available in a window (`codes`, distinct, in order of preference) against the
 * rules: the best subset of requirements met, then the remaining courses fill unmet requirements' places.
 */
export function assignCourses(
  compiled: CompiledRules,
  codes: string[],
  capstonePossible: boolean,
): Assignment {
  const metBits = bestSubset(compiled, codes, capstonePossible);
  const countedCodes = compiled.isDisjoint
    ? countDisjoint(compiled, codes)
    : countMatched(compiled, codes, metBits);
  const capstoneMet = isCapstoneMet(compiled, metBits, capstonePossible);
  const score = popcount(metBits) + (capstoneMet ? 1 : 0);
  let places = capstoneMet ? 1 : 0;
  for (const counted of countedCodes) places += counted.length;
  return { score, places, metBits, capstoneMet, countedCodes };
}
