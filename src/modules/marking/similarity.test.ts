import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePrints,
  encodePrints,
  fingerprints,
  overlap,
  pairsAcrossPrints,
  pairsOfPrints,
  similarPairs,
  words,
} from './similarity.js';

const base =
  'Bilateral labour migration agreements should guarantee equal treatment of migrant workers in wages, social security and access to justice, and they should be monitored by a joint committee that includes the social partners of both countries.';

describe('winnowing', () => {
  it('folds case, accents and punctuation into words', () => {
    expect(words('Égalité, de TRAITEMENT!')).toEqual(['egalite', 'de', 'traitement']);
  });
  it('finds a copied text whatever its case and punctuation, and nothing in an unrelated one', () => {
    const copy = base.toUpperCase().replace(/,/g, ' ;');
    expect(overlap(fingerprints(base), fingerprints(copy))).toBe(100);
    const other =
      'Remittances lower the cost of schooling in origin communities, but fees charged by transfer operators remain high in many corridors and deserve regulation by central banks.';
    expect(overlap(fingerprints(base), fingerprints(other))).toBe(0);
  });
  it('detects a copied passage inside a longer text (containment of the smaller)', () => {
    const longer = `Introduction to my own brief. ${base} My own conclusions follow, with several new ideas about portability of pensions.`;
    expect(overlap(fingerprints(base), fingerprints(longer))).toBe(100);
  });
  it('lists the pairs above the threshold, most similar first', () => {
    const docs = new Map([
      ['p1', base],
      ['p2', `${base} Extra words here at the end of it all.`],
      [
        'p3',
        'A completely different essay about skills recognition frameworks and their regional harmonisation across borders.',
      ],
    ]);
    const pairs = similarPairs(docs, 30);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['p1', 'p2']]);
    expect(pairs[0]!.percent).toBe(100);
  });
  it('gives nothing for texts shorter than one k-gram', () => {
    expect(fingerprints('too short').size).toBe(0);
    expect(overlap(fingerprints('too short'), fingerprints(base))).toBe(0);
  });
});

describe('kept fingerprints and the indexed comparison', () => {
  it('keeps a fingerprint set as text and reads the same set back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), (hashes) => {
        expect(decodePrints(encodePrints(new Set(hashes)))).toEqual(new Set(hashes));
      }),
    );
    expect(decodePrints(encodePrints(fingerprints(base)))).toEqual(fingerprints(base));
    expect(decodePrints('')).toEqual(new Set());
  });

  it('finds exactly the pairs the direct comparison of every two sets finds, with the same percent', () => {
    const sets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(sets, sets, fc.integer({ min: 1, max: 100 }), (left, right, threshold) => {
        const docs = left.map((hashes, i) => [`d${i}`, new Set(hashes)] as const);
        const others = right.map((hashes, i) => [`e${i}`, new Set(hashes)] as const);
        const direct = [];
        for (let i = 0; i < docs.length; i++)
          for (let j = i + 1; j < docs.length; j++) {
            const percent = overlap(docs[i]![1], docs[j]![1]);
            if (percent >= threshold) direct.push({ a: docs[i]![0], b: docs[j]![0], percent });
          }
        const key = (p: { a: string; b: string; percent: number }) => `${p.a}|${p.b}|${p.percent}`;
        expect(pairsOfPrints(docs, threshold).map(key).sort()).toEqual(direct.map(key).sort());
        const across = docs.flatMap(([a, mine]) =>
          others
            .map(([b, theirs]) => ({ a, b, percent: overlap(mine, theirs) }))
            .filter((p) => p.percent >= threshold),
        );
        expect(pairsAcrossPrints(docs, others, threshold).map(key).sort()).toEqual(across.map(key).sort());
      }),
    );
  });
});
