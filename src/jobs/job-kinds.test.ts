import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from '../i18n/i18n.js';
import { MODULES } from '../modules/index.js';

describe('job kinds', () => {
  it('every job kind of every module (daily ones included) is named in every language', () => {
    const kinds = new Set(
      MODULES.flatMap((m) => [...(m.jobs ?? []), ...(m.dailyJobs ?? [])]).map((j) => j.kind),
    );
    for (const locale of LOCALES) {
      expect(
        [...kinds].filter((kind) => !(`jobs.kind.${kind}` in MESSAGES[locale])),
        locale,
      ).toEqual([]);
    }
  });
});
