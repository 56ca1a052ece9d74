/**
 * The similarity check, pure: fingerprints of texts by winnowing (Schleimer, Wilkerson & Aiken 2003) —
 * hashes of every k-gram of words, then the minimum hash of every window of w consecutive hashes — compared
 * within a cohort. It never searches the web and never penalises by itself: it shows pairs to look at.
 */
import { foldForSearch } from '../../kernel/search-fold.js';

/** Words per k-gram and hashes per window (a shared run of k + w − 1 words is always detected). */
export const K_GRAM = 5;
export const WINDOW = 4;

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Pure: the text's words, folded (case, accents, punctuation left out). */
export function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Pure: the winnowed fingerprint set of a text (empty for a text shorter than one k-gram). */
export function fingerprints(text: string, k = K_GRAM, w = WINDOW): Set<number> {
  const list = words(text);
  const hashes: number[] = [];
  for (let i = 0; i + k <= list.length; i++) hashes.push(fnv1a(list.slice(i, i + k).join(' ')));
  const out = new Set<number>();
  if (hashes.length === 0) return out;
  if (hashes.length <= w) {
    out.add(Math.min(...hashes));
    return out;
  }
  for (let i = 0; i + w <= hashes.length; i++) {
    // The rightmost minimum of the window (robust winnowing).
    let min = hashes[i]!;
    for (let j = i + 1; j < i + w; j++) if (hashes[j]! <= min) min = hashes[j]!;
    out.add(min);
  }
  return out;
}

/** Pure: the share (0–100, whole percent, rounded down) of the smaller fingerprint set found in the other. */
export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return Math.floor((shared * 100) / small.size);
}

/** A pair of documents whose fingerprints overlap at least `threshold` percent. */
export interface SimilarPair {
  a: string;
  b: string;
  percent: number;
}

/** Pure: every pair of `documents` (id → text) overlapping at least `threshold` %, most similar first. */
export function similarPairs(documents: ReadonlyMap<string, string>, threshold = 30): SimilarPair[] {
  const prints = [...documents].map(([id, text]) => [id, fingerprints(text)] as const);
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < prints.length; i++)
    for (let j = i + 1; j < prints.length; j++) {
      const percent = overlap(prints[i]![1], prints[j]![1]);
      if (percent >= threshold) pairs.push({ a: prints[i]![0], b: prints[j]![0], percent });
    }
  return pairs.sort((x, y) => y.percent - x.percent || x.a.localeCompare(y.a));
}
