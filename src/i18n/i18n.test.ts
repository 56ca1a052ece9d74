import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../kernel/search-fold.js';
import { LOCALES, MESSAGES, negotiateLocale, translator } from './i18n.js';
import { parseLocalized, pickLocalized, serializeLocalized } from './localized.js';

describe('message catalogues', () => {
  const english = Object.keys(MESSAGES.en);

  for (const locale of LOCALES) {
    it(`${locale} has every message of the English catalogue and no extra one`, () => {
      const keys = new Set(Object.keys(MESSAGES[locale]));
      expect(english.filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys].filter((k) => !(k in MESSAGES.en))).toEqual([]);
    });

    it(`${locale} messages are valid ICU and keep the English placeholders`, () => {
      const t = translator(locale);
      for (const id of english) {
        const placeholders = [...(MESSAGES.en[id] ?? '').matchAll(/\{\s*(\w+)\s*[,}]/g)]
          .map((m) => m[1])
          .sort();
        const own = [...(MESSAGES[locale][id] ?? '').matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
        expect(new Set(own), `${locale} ${id}`).toEqual(new Set(placeholders));
        const values = Object.fromEntries(placeholders.map((p) => [p!, 2]));
        expect(() => t.t(id, values)).not.toThrow();
      }
    });
  }

  it('French and Spanish are translations, not copies of the English', () => {
    const same = (locale: 'fr' | 'es') =>
      english.filter((k) => MESSAGES[locale][k] === MESSAGES.en[k] && /[a-z]{4,}/.test(MESSAGES.en[k] ?? ''));
    // Some words are the same in French ("Description", "Places"); more than 5% would mean copies.
    expect(same('fr').length / english.length).toBeLessThan(0.05);
    expect(same('es').length / english.length).toBeLessThan(0.05);
  });

  it('a missing message id fails in strict mode (tests) instead of showing the id', () => {
    expect(() => translator('en').t('no.such.message')).toThrow(/missing message/);
  });

  it('formats plurals, dates and money per language', () => {
    expect(translator('en').t('people.count', { count: 1 })).toBe('1 person');
    expect(translator('fr').t('people.count', { count: 3 })).toBe('3 personnes');
    expect(translator('es').date('2026-09-07')).toMatch(/sept/);
    expect(translator('fr').money(150050, 'EUR')).toBe('1\u202f500,50\u00a0€');
    expect(translator('en').money(150050, 'EUR')).toBe('€1,500.50');
    expect(translator('en').money(5000, 'JPY')).toBe('JP¥5,000');
  });
});

describe('negotiateLocale', () => {
  it('picks the best interface language by quality', () => {
    expect(negotiateLocale('de-DE,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(negotiateLocale('es-MX')).toBe('es');
    expect(negotiateLocale('en;q=0.1, es;q=0.9')).toBe('es');
  });
  it('returns null when none of ours is acceptable', () => {
    expect(negotiateLocale('de, it;q=0.5')).toBeNull();
    expect(negotiateLocale(undefined)).toBeNull();
    expect(negotiateLocale('fr;q=0')).toBeNull();
    expect(negotiateLocale(';;;,,q=')).toBeNull();
  });
});

describe('localized content', () => {
  it('uses the reader’s language when present', () => {
    expect(pickLocalized({ en: 'Hello', fr: 'Bonjour' }, 'fr')).toEqual({
      text: 'Bonjour',
      lang: 'fr',
      isFallback: false,
    });
  });
  it('falls back visibly, English first, then any language', () => {
    expect(pickLocalized({ en: 'Hello', es: 'Hola' }, 'fr')).toEqual({
      text: 'Hello',
      lang: 'en',
      isFallback: true,
    });
    expect(pickLocalized({ es: 'Hola' }, 'fr')).toEqual({ text: 'Hola', lang: 'es', isFallback: true });
    expect(pickLocalized({ ar: 'مرحبا' }, 'en')).toEqual({ text: 'مرحبا', lang: 'ar', isFallback: true });
    expect(pickLocalized({ fr: '  ' }, 'fr').text).toBe('');
  });
  it('round-trips through storage, dropping empty languages, and survives damaged JSON', () => {
    expect(parseLocalized(serializeLocalized({ en: ' A ', fr: '', es: 'B' }))).toEqual({ en: 'A', es: 'B' });
    expect(parseLocalized('not json')).toEqual({});
    expect(parseLocalized('[1,2]')).toEqual({});
  });
  it('folds case and accents for search', () => {
    expect(foldForSearch('Migración LABORAL Œuvre Ñúñez')).toBe('migracion laboral oeuvre nunez');
  });
});
