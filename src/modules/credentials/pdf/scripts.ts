/**
 * Splits a line of text into runs that one face can draw in one direction, in visual order.
 *
 * Scripts are read from Unicode properties. Direction follows a reduced Unicode Bidirectional Algorithm
 * for one paragraph without explicit embeddings: strong letters (Arabic and Hebrew right-to-left, the
 * rest left-to-right), numbers (always drawn left-to-right, also inside Arabic), marks (take the previous
 * character's direction) and neutrals (take the direction around them when both sides agree, else the
 * paragraph's). Bracket mirroring and number separators other than `.,:/` are not handled.
 */
import type { ScriptGroup } from './fonts.js';

/** Bidi class of a character, as far as this reduced algorithm needs it. */
type BidiClass = 'L' | 'R' | 'N' | 'NSM' | 'ON';

const SCRIPT_PATTERNS: readonly [RegExp, ScriptGroup | 'cjk'][] = [
  [/\p{Script=Arabic}/u, 'arabic'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u, 'cjk'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Armenian}/u, 'armenian'],
  [/\p{Script=Georgian}/u, 'georgian'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Thai}/u, 'thai'],
  [/\p{Script=Ethiopic}/u, 'ethiopic'],
];
const RTL_GROUPS: ReadonlySet<ScriptGroup> = new Set(['arabic', 'hebrew']);
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;
const NUMBER_SEPARATOR = /[.,:/\u066B\u066C]/u;
const MARK = /[\p{M}\u200C\u200D]/u;
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** The script group of a letter, or null for characters shared by all scripts (spaces, punctuation, digits). */
export function scriptGroupOf(char: string, cjk: ScriptGroup = 'cjk-sc'): ScriptGroup | null {
  if (COMMON.test(char)) return null;
  for (const [pattern, group] of SCRIPT_PATTERNS) {
    if (pattern.test(char)) return group === 'cjk' ? cjk : group;
  }
  return 'latin';
}

/** Which CJK face a text needs: Japanese if it has kana, Korean if it has Hangul, else Simplified Chinese. */
export function cjkGroupOf(text: string): ScriptGroup {
  if (KANA.test(text)) return 'cjk-jp';
  if (HANGUL.test(text)) return 'cjk-kr';
  return 'cjk-sc';
}

/** True when a script group is written right to left. */
export function isRtlGroup(group: ScriptGroup): boolean {
  return RTL_GROUPS.has(group);
}

/** One character with its script group (null when shared) and bidi class. */
export interface ClassifiedChar {
  char: string;
  group: ScriptGroup | null;
  bidi: BidiClass;
}

/** Classifies each code point of `text`. */
export function classify(text: string): ClassifiedChar[] {
  const cjk = cjkGroupOf(text);
  const chars = Array.from(text);
  const out: ClassifiedChar[] = chars.map((char) => {
    const group = scriptGroupOf(char, cjk);
    let bidi: BidiClass;
    if (DIGIT.test(char)) bidi = 'N';
    else if (MARK.test(char)) bidi = 'NSM';
    else if (group === null) bidi = 'ON';
    else bidi = isRtlGroup(group) ? 'R' : 'L';
    return { char, group: DIGIT.test(char) ? null : group, bidi };
  });
  // A single separator between two digits belongs to the number ("1,5", "2026/27").
  for (let i = 1; i < out.length - 1; i++) {
    const c = out[i]!;
    if (
      c.bidi === 'ON' &&
      NUMBER_SEPARATOR.test(c.char) &&
      out[i - 1]!.bidi === 'N' &&
      out[i + 1]!.bidi === 'N'
    )
      c.bidi = 'N';
  }
  return out;
}

/** The paragraph direction: that of the first strong letter, left-to-right when there is none. */
export function paragraphIsRtl(chars: readonly ClassifiedChar[]): boolean {
  for (const c of chars) {
    if (c.bidi === 'L') return false;
    if (c.bidi === 'R') return true;
  }
  return false;
}

/**
 * Embedding levels (even = left-to-right) of each character: rules W1 (marks), W7 (numbers after
 * left-to-right letters), N1/N2 (neutrals) and I1/I2 (implicit levels) of UAX #9.
 */
export function bidiLevels(chars: readonly ClassifiedChar[], rtl: boolean): number[] {
  const base = rtl ? 1 : 0;
  const sos = rtl ? 'R' : 'L';
  const types: ('L' | 'R' | 'N' | 'ON')[] = [];
  let lastStrong: 'L' | 'R' = sos;
  let previous: 'L' | 'R' | 'N' | 'ON' = sos;
  for (const c of chars) {
    let t: 'L' | 'R' | 'N' | 'ON' = c.bidi === 'NSM' ? previous : c.bidi;
    if (t === 'N' && lastStrong === 'L') t = 'L';
    if (t === 'L' || t === 'R') lastStrong = t;
    types.push(t);
    previous = t;
  }
  const strongish = (t: string | undefined): 'L' | 'R' | undefined =>
    t === 'L' ? 'L' : t === 'R' || t === 'N' ? 'R' : undefined;
  for (let i = 0; i < types.length; ) {
    if (types[i] !== 'ON') {
      i++;
      continue;
    }
    let end = i;
    while (types[end] === 'ON') end++;
    const before = i === 0 ? sos : strongish(types[i - 1])!;
    const after = end >= types.length ? sos : strongish(types[end])!;
    const resolved = before === after ? before : sos;
    for (let k = i; k < end; k++) types[k] = resolved;
    i = end;
  }
  return types.map((t) => {
    if (base === 0) return t === 'L' ? 0 : t === 'R' ? 1 : 2;
    return t === 'R' ? 1 : 2;
  });
}

/** Reorders items of the given levels into visual order (rule L2 of UAX #9). */
export function visualOrder<T>(items: readonly T[], levels: readonly number[]): T[] {
  const order = items.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd && level >= 1; level--) {
    for (let i = 0; i < order.length; ) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < order.length && levels[order[end]!]! >= level) end++;
      const reversed = order.slice(i, end).reverse();
      order.splice(i, end - i, ...reversed);
      i = end;
    }
  }
  return order.map((i) => items[i]!);
}
