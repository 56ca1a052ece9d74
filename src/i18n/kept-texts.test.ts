import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../kernel/bounded-memo.js';
import { MESSAGES, translator } from './i18n.js';
import { dayInZone, formatInZone } from './time-zones.js';

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

describe('messages with values kept by id and values', () => {
  it('gives what formatting afresh gives, for every value, kept or not', () => {
    const id = Object.keys(MESSAGES.en).find((key) => MESSAGES.en[key]?.startsWith('{count, plural,'));
    if (!id) throw new Error('no plural message with {count}');
    for (const locale of ['en', 'fr', 'es'] as const) {
      const t = translator(locale);
      // formatjs's own formatMessage: the message formatted afresh, through none of our memos.
      for (const count of [0, 1, 2, 1000, 1, 0, 2.5, -0, '1', '1000'])
        expect(t.t(id, { count })).toBe(t.intl.formatMessage({ id }, { count }));
    }
  });

  it('does not mistake values for one another (a text holding the separator, a longer value)', () => {
    const id = Object.keys(MESSAGES.en).find((key) => MESSAGES.en[key]?.startsWith('{count, plural,'));
    if (!id) throw new Error('no plural message with {count}');
    const t = translator('en');
    const long = '7'.repeat(300);
    expect(t.t(id, { count: long })).toBe(t.t(id, { count: long }));
    expect(t.t(id, { count: 3, other: 'x\u0000count\u0001n4' })).toBe(t.t(id, { count: 3 }));
    expect(t.t(id, { count: 4 })).not.toBe(t.t(id, { count: 3 }));
  });
});

describe('dayInZone', () => {
  it('reads UTC days as ICU does', () => {
    const icu = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const iso of ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z', '2028-02-29T12:00:00Z'])
      for (const zone of ['', 'UTC', 'Mars/Olympus'])
        expect(dayInZone(new Date(iso), zone)).toBe(icu.format(new Date(iso)));
    expect(dayInZone(new Date('2026-12-31T23:30:00Z'), 'Asia/Kathmandu')).toBe('2027-01-01');
  });
});
