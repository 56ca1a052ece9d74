import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedPassages, similarAcross } from './similarity.js';

const copied =
  'Bilateral labour migration agreements should guarantee equal treatment of migrant workers in wages';

describe('sharedPassages', () => {
  it('shows a copied passage as written in each text, side by side', () => {
    const a = `My introduction. ${copied}. My own ending about pensions.`;
    const b = `Another start here; ${copied.toUpperCase()}! And something else entirely.`;
    expect(sharedPassages(a, b)).toEqual([{ a: copied, b: copied.toUpperCase() }]);
  });

  it('finds nothing in unrelated texts, or in runs shorter than five words', () => {
    expect(sharedPassages('one two three four', 'one two three four')).toEqual([]);
    expect(sharedPassages(copied, 'Remittances lower the cost of schooling in origin communities')).toEqual(
      [],
    );
  });

  it('property: every passage is a run of at least five words found in both texts', () => {
    const word = fc.constantFrom('data', 'labour', 'migrant', 'wages', 'the', 'of', 'rights', 'survey');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 60 }), (x, y) => {
        const a = x.join(' ');
        const b = y.join(' ');
        for (const p of sharedPassages(a, b)) {
          expect(p.a).toBe(p.b);
          expect(p.a.split(' ').length).toBeGreaterThanOrEqual(5);
          expect(` ${a} `).toContain(` ${p.a} `);
          expect(` ${b} `).toContain(` ${p.b} `);
        }
      }),
    );
  });
});

describe('similarAcross', () => {
  it('compares each current text with the earlier ones, never the earlier ones with each other', () => {
    const pairs = similarAcross(
      new Map([['now', `${copied} and more words of my own`]]),
      new Map([
        ['old1', copied],
        ['old2', copied],
        ['old3', 'nothing in common with anything written here at all'],
      ]),
    );
    expect(pairs.map((p) => [p.a, p.b, p.percent])).toEqual([
      ['now', 'old1', 100],
      ['now', 'old2', 100],
    ]);
  });
});
