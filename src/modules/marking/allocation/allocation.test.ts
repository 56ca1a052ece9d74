import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLanguage } from './allocation.js';

describe('allocateByLanguage', () => {
  const markers = [
    { id: 'ana', languages: ['es', 'en'] },
    { id: 'bea', languages: ['es'] },
    { id: 'fred', languages: ['fr'] },
  ];

  it('gives each submission to a marker of its language, evenly, and refuses the ones nobody can take', () => {
    const out = allocateByLanguage(
      [
        { id: 's1', language: 'es' },
        { id: 's2', language: 'es' },
        { id: 's3', language: 'fr' },
        { id: 's4', language: 'ar' },
        { id: 's5', language: 'en' },
      ],
      markers,
    );
    expect(out.plan.get('s1')).toBe('ana');
    expect(out.plan.get('s2')).toBe('bea');
    expect(out.plan.get('s3')).toBe('fred');
    expect(out.plan.get('s5')).toBe('ana');
    expect(out.plan.has('s4')).toBe(false);
    expect(out.refused).toEqual([{ id: 's4', reason: 'no-marker-for-language' }]);
  });

  it('counts the load across languages and gives a submission without a language to anyone', () => {
    // ana already holds two: the Spanish submission goes to bea, the one without a language to fred.
    const out = allocateByLanguage(
      [
        { id: 's1', language: 'es' },
        { id: 's2', language: null },
      ],
      markers,
      new Map([['ana', 2]]),
    );
    expect(out.plan.get('s1')).toBe('bea');
    expect(out.plan.get('s2')).toBe('fred');
  });

  it('never gives the second mark to the first marker, and says so when that is the only one', () => {
    const out = allocateByLanguage(
      [{ id: 's1', language: 'fr' }],
      markers,
      new Map(),
      new Map([['s1', 'fred']]),
    );
    expect(out.plan.size).toBe(0);
    expect(out.refused).toEqual([{ id: 's1', reason: 'only-marker-is-first' }]);
  });

  const languages = fc.constantFrom('en', 'fr', 'es', 'ar');
  const scenario = fc.record({
    submissions: fc.array(fc.option(languages, { nil: null }), { maxLength: 40 }),
    markers: fc.array(fc.uniqueArray(languages, { maxLength: 3 }), { maxLength: 6 }),
  });

  it('property: every submission is either allocated to a marker of its language or refused, never both', () => {
    fc.assert(
      fc.property(scenario, ({ submissions, markers: langs }) => {
        const subs = submissions.map((language, i) => ({ id: `s${i}`, language }));
        const ms = langs.map((l, i) => ({ id: `m${i}`, languages: l }));
        const exclude = new Map(subs.filter((_, i) => i % 3 === 0 && ms[0]).map((s) => [s.id, 'm0']));
        const out = allocateByLanguage(subs, ms, new Map(), exclude);
        expect(out.plan.size + out.refused.length).toBe(subs.length);
        for (const s of subs) {
          const marker = out.plan.get(s.id);
          const refused = out.refused.find((r) => r.id === s.id);
          expect(marker === undefined).toBe(refused !== undefined);
          if (marker) {
            expect(marker).not.toBe(exclude.get(s.id));
            if (s.language) expect(ms.find((m) => m.id === marker)?.languages).toContain(s.language);
          } else {
            const able = ms.filter(
              (m) => (s.language === null || m.languages.includes(s.language)) && m.id !== exclude.get(s.id),
            );
            expect(able).toEqual([]);
          }
        }
      }),
    );
  });

  it('property: markers of one language (and only it) end within one submission of each other', () => {
    fc.assert(
      fc.property(
        fc.array(languages, { maxLength: 40 }),
        fc.array(languages, { minLength: 1, maxLength: 6 }),
        (submissions, markerLanguage) => {
          const ms = markerLanguage.map((l, i) => ({ id: `m${i}`, languages: [l] }));
          const out = allocateByLanguage(
            submissions.map((language, i) => ({ id: `s${i}`, language })),
            ms,
          );
          for (const language of new Set(markerLanguage)) {
            const loads = ms
              .filter((m) => m.languages[0] === language)
              .map((m) => [...out.plan.values()].filter((v) => v === m.id).length);
            expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
