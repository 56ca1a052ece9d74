import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  type ApplicationAnswers,
  canTransition,
  furthestStep,
  isAdmissionOpen,
  MOTIVATION_MAX_LENGTH,
  MOTIVATION_MIN_LENGTH,
  mergeStepAnswers,
  missingForSubmission,
  nextStatus,
  readAnswers,
  stepSchemas,
} from './application.js';

const complete: ApplicationAnswers = {
  fullName: 'Амина Диалло',
  countryOfResidence: 'SN',
  nationality: 'SN',
  constituency: 'ngo',
  organisation: 'Migrants Rights Network',
  position: 'Coordinator',
  yearsOfExperience: 4,
  highestDegree: 'bachelor',
  fieldOfStudy: 'social-sciences',
  languages: [{ code: 'fr', level: 'native' }],
  motivation: 'x'.repeat(MOTIVATION_MIN_LENGTH),
  consent: true,
};

describe('step answers', () => {
  it('accepts a name in any script and drops empty fields of a draft', () => {
    const parsed = stepSchemas.person.parse({
      fullName: '  李小龙 ',
      countryOfResidence: 'cn',
      nationality: '',
      sex: '',
    });
    expect(parsed).toEqual({ fullName: '李小龙', countryOfResidence: 'CN' });
  });

  it('refuses unknown countries, choices and control characters', () => {
    expect(stepSchemas.person.safeParse({ countryOfResidence: 'XX' }).success).toBe(false);
    expect(stepSchemas.person.safeParse({ sex: 'unknown' }).success).toBe(false);
    expect(stepSchemas.person.safeParse({ fullName: 'A\u0007B' }).success).toBe(false);
    expect(stepSchemas.work.safeParse({ constituency: 'army' }).success).toBe(false);
  });

  it('takes "prefer not to say" for sex, which is optional', () => {
    expect(stepSchemas.person.parse({ sex: 'prefer-not-to-say' }).sex).toBe('prefer-not-to-say');
    expect(missingForSubmission(complete, ['cv'])).toEqual([]);
  });

  it('reads years of experience from form text and bounds it', () => {
    expect(stepSchemas.work.parse({ yearsOfExperience: '7' }).yearsOfExperience).toBe(7);
    expect(stepSchemas.work.safeParse({ yearsOfExperience: '-1' }).success).toBe(false);
    expect(stepSchemas.work.safeParse({ yearsOfExperience: '2.5' }).success).toBe(false);
    expect(stepSchemas.work.safeParse({ yearsOfExperience: '99' }).success).toBe(false);
  });

  it('refuses a language given twice', () => {
    const result = stepSchemas.education.safeParse({
      languages: [
        { code: 'en', level: 'basic' },
        { code: 'en', level: 'advanced' },
      ],
    });
    expect(result.success).toBe(false);
  });

  it('enforces the maximum length of the motivation while drafting, the minimum only to submit', () => {
    expect(
      stepSchemas.motivation.safeParse({ motivation: 'x'.repeat(MOTIVATION_MAX_LENGTH + 1) }).success,
    ).toBe(false);
    expect(stepSchemas.motivation.safeParse({ motivation: 'short' }).success).toBe(true);
    const missing = missingForSubmission({ ...complete, motivation: 'short' }, ['cv']);
    expect(missing).toEqual([
      expect.objectContaining({ field: 'motivation', key: 'admissions.error.motivationTooShort' }),
    ]);
  });
});

describe('what is missing for submission', () => {
  it('lists every required answer, the CV and the consent of an empty draft', () => {
    const missing = missingForSubmission({}, []);
    expect(missing.map((m) => m.field)).toEqual([
      'fullName',
      'countryOfResidence',
      'nationality',
      'constituency',
      'organisation',
      'position',
      'yearsOfExperience',
      'highestDegree',
      'fieldOfStudy',
      'languages',
      'motivation',
      'cv',
      'consent',
    ]);
  });

  it('does not need the letter, and an empty list of languages is missing', () => {
    expect(missingForSubmission(complete, ['cv'])).toEqual([]);
    expect(missingForSubmission({ ...complete, languages: [] }, ['cv']).map((m) => m.field)).toEqual([
      'languages',
    ]);
  });
});

describe('saving steps', () => {
  it('replaces only the fields of the saved step, clearing those sent empty', () => {
    const saved: ApplicationAnswers = { fullName: 'A', organisation: 'B', sex: 'male' };
    expect(mergeStepAnswers(saved, 'person', { fullName: 'C' })).toEqual({
      fullName: 'C',
      organisation: 'B',
    });
  });

  it('remembers the furthest step', () => {
    expect(furthestStep('motivation', 'work')).toBe('motivation');
    expect(furthestStep('person', 'documents')).toBe('documents');
  });

  it('reads stored answers defensively', () => {
    expect(readAnswers('not json')).toEqual({});
    expect(readAnswers(JSON.stringify({ fullName: 'A', yearsOfExperience: 'many', hacked: 1 }))).toEqual({
      fullName: 'A',
    });
  });

  it('gives the same frozen answers for the same stored text, which a save copies before changing', () => {
    const json = JSON.stringify({ fullName: 'Ana', languages: [{ code: 'fr', level: 'advanced' }] });
    const first = readAnswers(json);
    expect(readAnswers(json)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.languages?.[0])).toBe(true);
    const merged = mergeStepAnswers(first, 'person', { fullName: 'Ana María' });
    expect(merged).toEqual({ fullName: 'Ana María', languages: [{ code: 'fr', level: 'advanced' }] });
    expect(readAnswers(json)).toEqual({ fullName: 'Ana', languages: [{ code: 'fr', level: 'advanced' }] });
  });
});

describe('statuses and transitions', () => {
  it('submits a draft or an application whose information was requested', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('info-requested', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'submit')).toBeNull();
  });

  it('withdraws only before a final decision', () => {
    const withdrawable = APPLICATION_STATUSES.filter((s) => canTransition(s, 'withdraw'));
    expect(withdrawable).toEqual(['draft', 'submitted', 'under-review', 'info-requested', 'waitlisted']);
  });

  it('decides submitted applications and reopens decisions', () => {
    expect(nextStatus('under-review', 'accept')).toBe('accepted');
    expect(nextStatus('draft', 'accept')).toBeNull();
    expect(nextStatus('withdrawn', 'reject')).toBeNull();
    expect(nextStatus('rejected', 'reopen')).toBe('under-review');
    expect(nextStatus('submitted', 'reopen')).toBeNull();
  });
});

describe('admission window', () => {
  it('is open until the end of the closing day', () => {
    expect(isAdmissionOpen({ open: true, closesOn: '2026-12-31' }, '2026-12-31')).toBe(true);
    expect(isAdmissionOpen({ open: true, closesOn: '2026-12-31' }, '2027-01-01')).toBe(false);
    expect(isAdmissionOpen({ open: false, closesOn: null }, '2026-01-01')).toBe(false);
    expect(isAdmissionOpen({ open: true, closesOn: null }, '2099-01-01')).toBe(true);
  });
});
