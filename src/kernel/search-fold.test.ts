import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold.js';

describe('foldForSearch', () => {
  it('folds accents, ligatures and apostrophes the same way', () => {
    expect(foldForSearch('Nguyễn')).toBe(foldForSearch('nguyen'));
    expect(foldForSearch('Œuvre')).toBe('oeuvre');
    expect(foldForSearch('œuvre')).toBe(foldForSearch('oeuvre'));
    expect(foldForSearch('Æsop')).toBe('aesop');
    expect(foldForSearch('Straße')).toBe('strasse');
    expect(foldForSearch('STRAẞE')).toBe('strasse');
    expect(foldForSearch('Ørsted Łódź')).toBe('orsted lodz');
    expect(foldForSearch('l’île')).toBe("l'ile");
    expect(foldForSearch("L'Île")).toBe(foldForSearch('l’île'));
    expect(foldForSearch('ﬁnance')).toBe('finance');
    expect(foldForSearch('Migración')).toBe('migracion');
  });

  it('leaves scripts without case or marks to fold as they are', () => {
    expect(foldForSearch('王芳')).toBe('王芳');
    expect(foldForSearch('Ольга')).toBe('ольга');
  });

  const anyText = fc.string({ unit: 'grapheme', maxLength: 30 });

  it('is idempotent, and leaves no combining mark, ligature or curly apostrophe', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldForSearch(text);
        expect(foldForSearch(folded)).toBe(folded);
        expect(folded).not.toMatch(/[\p{M}œæßøł\u2018\u2019\u02BC]/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and accents: a Latin word with any accents and capitals folds as the plain word', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    const mark = fc.integer({ min: 0x300, max: 0x36f }).map((code) => String.fromCodePoint(code));
    const accented = fc.array(fc.tuple(letter, fc.boolean(), fc.option(mark)), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(accented, (parts) => {
        const plain = parts.map(([l]) => l).join('');
        const decorated = parts.map(([l, upper, m]) => (upper ? l.toUpperCase() : l) + (m ?? '')).join('');
        expect(foldForSearch(decorated.normalize('NFC'))).toBe(plain);
      }),
    );
  });

  it('folds piece by piece: folding a concatenation is concatenating the folds (whole characters)', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        fc.pre(!/^\p{M}/u.test(b));
        expect(foldForSearch(a + b)).toBe(foldForSearch(a) + foldForSearch(b));
      }),
      { numRuns: 1000 },
    );
  });
});
