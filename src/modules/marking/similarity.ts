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

/** Pure: a fingerprint set as text to keep (each hash as 4 bytes, little-endian, in base64). */
export function encodePrints(prints: ReadonlySet<number>): string {
  const bytes = Buffer.alloc(prints.size * 4);
  let offset = 0;
  for (const hash of prints) offset = bytes.writeUInt32LE(hash >>> 0, offset);
  return bytes.toString('base64');
}

/** Pure: the fingerprint set kept by `encodePrints`. */
export function decodePrints(text: string): Set<number> {
  const bytes = Buffer.from(text, 'base64');
  const out = new Set<number>();
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) out.add(bytes.readUInt32LE(offset));
  return out;
}

/** Pure: the share (whole percent, rounded down) of the smaller of two sets that `shared` hashes are. */
const percentOf = (shared: number, a: number, b: number) =>
  Math.min(a, b) === 0 ? 0 : Math.floor((shared * 100) / Math.min(a, b));

const bySimilarity = (x: SimilarPair, y: SimilarPair) => y.percent - x.percent || x.a.localeCompare(y.a);

type Prints = readonly (readonly [string, ReadonlySet<number>])[];

/** Pure: hash → the indexes of the documents holding it. */
function indexOf(documents: Prints): Map<number, number[]> {
  const index = new Map<number, number[]>();
  documents.forEach(([, prints], i) => {
    for (const hash of prints) {
      const list = index.get(hash);
      if (list) list.push(i);
      else index.set(hash, [i]);
    }
  });
  return index;
}

/**
 * Pure: every pair of documents (id and fingerprints, e.g. kept ones) overlapping at least `threshold` %,
 * most similar first. Counted through an index of the hashes, so documents that share nothing cost nothing.
 */
export function pairsOfPrints(documents: Prints, threshold = 30): SimilarPair[] {
  const index = indexOf(documents);
  const shared = new Int32Array(documents.length);
  const pairs: SimilarPair[] = [];
  documents.forEach(([id, prints], i) => {
    shared.fill(0);
    for (const hash of prints) for (const j of index.get(hash) ?? []) if (j > i) shared[j]!++;
    for (let j = i + 1; j < documents.length; j++) {
      const percent = percentOf(shared[j]!, prints.size, documents[j]![1].size);
      if (shared[j]! > 0 && percent >= threshold) pairs.push({ a: id, b: documents[j]![0], percent });
    }
  });
  return pairs.sort(bySimilarity);
}

/**
 * Pure: every pair of a `current` document with an `earlier` one overlapping at least `threshold` %. The
 * smaller side is indexed (one submission against a cohort: the one submission's hashes).
 */
export function pairsAcrossPrints(current: Prints, earlier: Prints, threshold = 30): SimilarPair[] {
  const small = current.length <= earlier.length;
  const [indexed, scanned] = small ? [current, earlier] : [earlier, current];
  const index = indexOf(indexed);
  const shared = new Int32Array(indexed.length);
  const pairs: SimilarPair[] = [];
  for (const [id, prints] of scanned) {
    shared.fill(0);
    for (const hash of prints) for (const j of index.get(hash) ?? []) shared[j]!++;
    indexed.forEach(([other, theirs], j) => {
      const percent = percentOf(shared[j]!, prints.size, theirs.size);
      if (shared[j]! > 0 && percent >= threshold)
        pairs.push(small ? { a: other, b: id, percent } : { a: id, b: other, percent });
    });
  }
  return pairs.sort(bySimilarity);
}

const printsOf = (documents: ReadonlyMap<string, string>) =>
  [...documents].map(([id, text]) => [id, fingerprints(text)] as const);

/** Pure: every pair of `documents` (id → text) overlapping at least `threshold` %, most similar first. */
export function similarPairs(documents: ReadonlyMap<string, string>, threshold = 30): SimilarPair[] {
  return pairsOfPrints(printsOf(documents), threshold);
}

/**
 * Pure: every pair of a `current` document with an `earlier` one (an earlier edition's submission or a
 * reference document) overlapping at least `threshold` %; earlier documents are not compared with each other.
 */
export function similarAcross(
  current: ReadonlyMap<string, string>,
  earlier: ReadonlyMap<string, string>,
  threshold = 30,
): SimilarPair[] {
  return pairsAcrossPrints(printsOf(current), printsOf(earlier), threshold);
}

/** The words of a text as written (for showing passages) beside their folded form (for matching). */
function shownWords(text: string): { folded: string[]; shown: string[] } {
  const shown = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const folded = shown.map((w) => foldForSearch(w));
  return { folded, shown };
}

/** Longest passages shown for one pair, and most words in one passage. */
export const PASSAGES_MAX = 10;
export const PASSAGE_WORDS_MAX = 80;

/**
 * Pure: the passages two texts share (runs of at least `k` words in the same order), as written in each,
 * longest first: what a marker reads side by side. Overlapping k-grams are merged into one run.
 */
export function sharedPassages(a: string, b: string, k = K_GRAM): { a: string; b: string }[] {
  const left = shownWords(a);
  const right = shownWords(b);
  const positions = new Map<string, number[]>();
  for (let j = 0; j + k <= right.folded.length; j++) {
    const gram = right.folded.slice(j, j + k).join(' ');
    positions.set(gram, [...(positions.get(gram) ?? []), j]);
  }
  const runs: { i: number; j: number; length: number }[] = [];
  let i = 0;
  while (i + k <= left.folded.length) {
    const starts = positions.get(left.folded.slice(i, i + k).join(' '));
    if (!starts) {
      i++;
      continue;
    }
    // The longest run from here among the places the k-gram appears in the other text.
    let best = { i, j: starts[0]!, length: 0 };
    for (const j of starts) {
      let length = k;
      while (
        i + length < left.folded.length &&
        j + length < right.folded.length &&
        left.folded[i + length] === right.folded[j + length]
      )
        length++;
      if (length > best.length) best = { i, j, length };
    }
    runs.push(best);
    i += best.length;
  }
  return runs
    .sort((x, y) => y.length - x.length || x.i - y.i)
    .slice(0, PASSAGES_MAX)
    .map((r) => {
      const length = Math.min(r.length, PASSAGE_WORDS_MAX);
      const ellipsis = r.length > length ? ' …' : '';
      return {
        a: left.shown.slice(r.i, r.i + length).join(' ') + ellipsis,
        b: right.shown.slice(r.j, r.j + length).join(' ') + ellipsis,
      };
    });
}
