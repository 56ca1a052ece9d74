import { describe, expect, it } from 'vitest';
import { isStorageKey } from '../../integrations/storage.js';
import {
  formatShortCode,
  gradeResultType,
  newShortCode,
  parseShortCode,
  pdfStorageKey,
  verificationStatus,
} from './credential.js';
import { linkedInAddUrl } from './credential-urls.js';
import { parseStatusListSlug, placeOf, statusListSlug, statusListUrl } from './status/status-list-store.js';
import { etagMatches } from './web/credentials.routes.js';

describe('short codes', () => {
  it('are 8 Crockford base32 characters, printed XXXX-XXXX, read back however they are typed', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newShortCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(parseShortCode(formatShortCode(code))).toBe(code);
      expect(parseShortCode(` ${formatShortCode(code).toLowerCase()} `)).toBe(code);
    }
    expect(parseShortCode('ab1o-il0z')).toBe('AB10110Z');
    for (const bad of ['', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCU-EFGH', 'ABCD_EFGH', 'x'.repeat(30)])
      expect(parseShortCode(bad), bad).toBeNull();
  });
});

describe('the public status of a credential', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('says revoked or suspended before expired, and expired after validUntil', () => {
    expect(verificationStatus('active', null, now)).toBe('valid');
    expect(verificationStatus('active', '2026-12-31T23:59:59Z', now)).toBe('expired');
    expect(verificationStatus('suspended', '2026-01-01T00:00:00Z', now)).toBe('suspended');
    expect(verificationStatus('revoked', null, now)).toBe('revoked');
  });
});

describe('grades as Open Badges results', () => {
  it('reads the kind of a grade from how it is written', () => {
    expect(gradeResultType('87%')).toBe('Percent');
    expect(gradeResultType('87,5 %')).toBe('Percent');
    expect(gradeResultType('B+')).toBe('LetterGrade');
    expect(gradeResultType('a-')).toBe('LetterGrade');
    expect(gradeResultType('16/20')).toBe('RawScore');
    expect(gradeResultType('87')).toBe('RawScore');
    expect(gradeResultType('Notable')).toBe('PerformanceLevel');
  });
});

describe('status list names and places', () => {
  it('names the first list by its purpose and the next ones with a number', () => {
    expect(statusListSlug('revocation', 0)).toBe('revocation');
    expect(statusListSlug('suspension', 1)).toBe('suspension-2');
    expect(parseStatusListSlug('revocation')).toEqual({ purpose: 'revocation', listNumber: 0 });
    expect(parseStatusListSlug('suspension-12')).toEqual({ purpose: 'suspension', listNumber: 11 });
    for (const bad of ['revocation-1', 'revocation-0', 'other', 'revocation-x', '../revocation'])
      expect(parseStatusListSlug(bad), bad).toBeNull();
    expect(statusListUrl('https://x.org/', 'revocation', 0)).toBe('https://x.org/status-lists/revocation');
    expect(placeOf(131_073)).toEqual({ index: 131_073, listNumber: 1, position: 1 });
  });

  it('matches If-None-Match against a strong ETag (lists, weak prefix, star)', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('storage keys', () => {
  it('accept the keys we generate and nothing that could leave the folder', () => {
    expect(isStorageKey(pdfStorageKey('0190F5D2-7D2C-7000-8000-000000000001'))).toBe(true);
    for (const bad of [
      '../x.pdf',
      '/etc/passwd',
      'a/../b.pdf',
      'a/./b',
      'A.pdf',
      'a//b',
      'a\\b',
      '',
      'a/',
      '.hidden',
    ])
      expect(isStorageKey(bad), bad).toBe(false);
  });
});

describe('the LinkedIn link', () => {
  it('prefills the add-certification form', () => {
    const url = new URL(
      linkedInAddUrl({
        title: 'Certificat de réussite — Académie',
        issuerName: 'Centre',
        awardedOn: '2026-06-26',
        verifyUrl: 'https://x.org/verify/1',
        shortCode: 'ABCDEFGH',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Certificat de réussite — Académie',
      organizationName: 'Centre',
      issueYear: '2026',
      issueMonth: '6',
      certUrl: 'https://x.org/verify/1',
      certId: 'ABCD-EFGH',
    });
  });
});
