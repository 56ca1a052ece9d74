import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../kernel/bounded-memo.js';
import { translator } from './i18n.js';
import { formatInZone } from './time-zones.js';

describe('dates and instants kept by key (BoundedMemo)', () => {
  it('makes a text once per key and keeps at most its limit', () => {
    const texts = new BoundedMemo<string>(3);
    let made = 0;
    const make = (text: string) => () => {
      made += 1;
      return text;
    };
    expect(texts.get('a', make('A'))).toBe('A');
    expect(texts.get('a', make('other'))).toBe('A');
    expect(made).toBe(1);
    texts.get('b', make('B'));
    texts.get('c', make('C'));
    expect(texts.size).toBe(3);
    // Full: the next new key empties the map first, so memory stays bounded.
    expect(texts.get('d', make('D'))).toBe('D');
    expect(texts.size).toBe(1);
    expect(texts.get('a', make('A again'))).toBe('A again');
  });

  it('gives the same texts as formatting afresh, per language, zone and instant', () => {
    const iso = '2026-03-01T14:30:00.000Z';
    for (const [locale, formatLocale] of [
      ['en', 'en-GB'],
      ['fr', 'fr'],
      ['es', 'es'],
    ] as const) {
      const t = translator(locale);
      const fresh = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'long', timeZone: 'UTC' });
      // Twice: the second answer is the kept one.
      for (let i = 0; i < 2; i += 1) {
        expect(t.date('2026-03-01', 'long')).toBe(fresh.format(new Date('2026-03-01T00:00:00Z')));
        expect(t.date('2026-03-01T23:59:00Z', 'long')).toBe(fresh.format(new Date('2026-03-01T00:00:00Z')));
      }
      for (const zone of ['America/Bogota', 'Asia/Kathmandu', 'UTC']) {
        const zoned = new Intl.DateTimeFormat(formatLocale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: zone,
        });
        expect(formatInZone(iso, formatLocale, zone)).toBe(zoned.format(new Date(iso)));
        expect(formatInZone(iso, formatLocale, zone)).toBe(zoned.format(new Date(iso)));
      }
    }
    // An unknown zone reads as UTC, kept or not.
    const utc = formatInZone(iso, 'en-GB', 'UTC');
    expect(formatInZone(iso, 'en-GB', 'Mars/Olympus')).toBe(utc);
    expect(formatInZone(iso, 'en-GB', 'Mars/Olympus')).toBe(utc);
  });
});
