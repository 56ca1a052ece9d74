import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPostingOpen, SEARCH_PREFIX_MAX, searchWords } from './forum.js';

describe('the words a forum search asks the index for', () => {
  it('cuts long words to the indexed prefix, leaves out one-letter words beside longer ones', () => {
    expect(searchWords('recruitment fees')).toEqual(['recruitmen', 'fees']);
    expect(searchWords('a migration, of labour')).toEqual(['migration', 'of', 'labour']);
    expect(searchWords('a')).toEqual(['a']);
    expect(searchWords('  --  ')).toEqual([]);
    expect(searchWords('développement')).toEqual(['développem']);
  });

  it('keeps at most 12 words, each a non-empty prefix of a word of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zé0-9]{0,15}$/), { maxLength: 20 }), (parts) => {
        const text = parts.join(' ');
        const words = searchWords(text);
        expect(words.length).toBeLessThanOrEqual(12);
        for (const word of words) {
          expect(word.length).toBeGreaterThan(0);
          expect([...word].length).toBeLessThanOrEqual(SEARCH_PREFIX_MAX);
          expect(parts.some((part) => part.startsWith(word))).toBe(true);
        }
      }),
    );
  });
});

describe("a forum's posting window", () => {
  it('is open from its opening instant to just before its close, and always without one', () => {
    const phase = { opensAt: '2026-11-28T09:00:00.000Z', closesAt: '2026-11-28T18:00:00.000Z' };
    expect(isPostingOpen(phase, '2026-11-28T08:59:59.999Z')).toBe(false);
    expect(isPostingOpen(phase, '2026-11-28T09:00:00.000Z')).toBe(true);
    expect(isPostingOpen(phase, '2026-11-28T17:59:59.999Z')).toBe(true);
    expect(isPostingOpen(phase, '2026-11-28T18:00:00.000Z')).toBe(false);
    expect(isPostingOpen({ opensAt: null, closesAt: null }, '2030-01-01T00:00:00.000Z')).toBe(true);
  });
});
