import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeps } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import { explainReason } from '../modules/pathway/rules/explain.js';
import { DEFAULT_DATE_LOCALE_EN, setFormattingLocale, translator } from './i18n.js';

const env = (extra: Record<string, string> = {}) => ({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'dp-config-')),
  ...extra,
});
const deadline = { code: 'deadline' as const, params: { deadline: '2025-06-01' } };

describe('DATE_LOCALE_EN: how English pages write dates', () => {
  afterEach(() => setFormattingLocale('en', DEFAULT_DATE_LOCALE_EN));

  it('writes international dates by default and US dates with en-US, English and other languages alike', () => {
    expect(translator('en').date('2027-10-18', 'long')).toBe('18 October 2027');
    expect(translator('en').date('2027-10-18', 'short')).toBe('18/10/2027');
    expect(explainReason(deadline, 'en')).toBe('Everything must be completed by 1 June 2025.');
    setFormattingLocale('en', 'en-US');
    expect(translator('en').date('2027-10-18', 'long')).toBe('October 18, 2027');
    expect(translator('en').date('2027-10-18', 'short')).toBe('10/18/27');
    expect(translator('en').dateTime('2027-10-18T14:05:00Z')).toMatch(/^Oct 18, 2027/);
    expect(explainReason(deadline, 'en')).toBe('Everything must be completed by June 1, 2025.');
    expect(translator('fr').date('2027-10-18', 'long')).toBe('18 octobre 2027');
  });

  it('is applied at start-up (createDeps)', async () => {
    const deps = await createDeps(loadConfig(env({ DATE_LOCALE_EN: 'en-US' })), { migrate: false });
    await deps.close();
    expect(translator('en').date('2027-10-18', 'long')).toBe('October 18, 2027');
  });

  it('is read from the environment: en-GB by default, any English tag, a clear message otherwise', () => {
    expect(loadConfig(env()).dateLocaleEn).toBe('en-GB');
    expect(loadConfig(env({ DATE_LOCALE_EN: 'en-us' })).dateLocaleEn).toBe('en-US');
    for (const wrong of ['fr-FR', 'english', 'en_US', '']) {
      expect(() => loadConfig(env({ DATE_LOCALE_EN: wrong })), wrong).toThrow(ConfigError);
      expect(() => loadConfig(env({ DATE_LOCALE_EN: wrong })), wrong).toThrow(
        /DATE_LOCALE_EN: DATE_LOCALE_EN must be an English locale tag such as en-GB or en-US/,
      );
    }
  });
});
