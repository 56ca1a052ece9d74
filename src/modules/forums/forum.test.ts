import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_PREFIX_MAX, searchWords } from './forum.js';

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
