import { describe, expect, it } from 'vitest';
import { MESSAGES as messages } from '../../../i18n/i18n.js';
import { EXPLANATION_LANGUAGES, REASON_CODES, type Reason, type ReasonCode } from './evaluation.js';
import { explainReason, explainReasons } from './explain.js';

/** A sample of every reason, and text each translation must show (numbers, codes, the year). */
const SAMPLES: Record<ReasonCode, { params: Reason['params']; shows: string[] }> = {
  withdrawn: { params: {}, shows: [] },
  expired: { params: { deadline: '2023-03-01' }, shows: ['2023'] },
  awardable: { params: {}, shows: [] },
  nothingCounted: { params: {}, shows: [] },
  missingCourse: {
    params: { requirement: 'academy', courses: ['LMA', 'BLA'], count: 2 },
    shows: ['LMA', 'BLA'],
  },
  missingElectives: {
    params: { requirement: 'electives', count: 2, have: 1, needed: 3 },
    shows: ['2', '1', '3'],
  },
  enrolled: { params: { course: 'PRM', end: '2023-03-27' }, shows: ['PRM', '27', '2023'] },
  capstoneLocked: { params: {}, shows: [] },
  capstoneReady: { params: {}, shows: [] },
  capstoneInProgress: { params: {}, shows: [] },
  capstoneFailed: { params: {}, shows: [] },
  capstoneAwaitingPrerequisites: { params: {}, shows: [] },
  capstoneOutsideWindow: {
    params: { completed: '2022-03-01', start: '2017-01-10', deadline: '2022-01-10' },
    shows: ['2022', '2017', '10'],
  },
  deadline: { params: { deadline: '2025-06-01' }, shows: ['2025'] },
  deadlineSoon: { params: { deadline: '2024-03-01' }, shows: ['2024'] },
  extensionGranted: { params: { months: 12 }, shows: ['12'] },
  achievementOutsideWindow: { params: { course: 'FRP', completed: '2017-10-01' }, shows: ['FRP', '2017'] },
  achievementNoLongerCounts: { params: { course: 'FRP', completed: '2017-10-01' }, shows: ['FRP', '2017'] },
  participationNotCounted: { params: { course: 'MALM' }, shows: ['MALM'] },
  revokedNotCounted: { params: { course: 'LMA' }, shows: ['LMA'] },
  enrolmentAfterDeadline: {
    params: { course: 'SPMW', end: '2024-01-15', deadline: '2023-11-05' },
    shows: ['SPMW', '2024', '2023'],
  },
};

describe('pathway messages', () => {
  it('has exactly one message per reason code in every language', () => {
    const expected = REASON_CODES.map((code) => `pathway.why.${code}`).sort();
    for (const lang of EXPLANATION_LANGUAGES) {
      const own = Object.keys(messages[lang]).filter((id) => id.startsWith('pathway.why.'));
      expect(own.sort()).toEqual(expected);
    }
  });

  it.each(EXPLANATION_LANGUAGES)('formats every reason in %s with its parameters', (lang) => {
    for (const code of REASON_CODES) {
      const { params, shows } = SAMPLES[code];
      const text = explainReason({ code, params }, lang);
      expect(text.length).toBeGreaterThan(10);
      for (const fragment of shows) expect(text, `${lang} ${code}`).toContain(fragment);
      expect(text, `${lang} ${code}`).not.toMatch(/[{}]/);
    }
  });

  it('really translates: no French or Spanish message equals the English one', () => {
    for (const code of REASON_CODES) {
      const [en, fr, es] = EXPLANATION_LANGUAGES.map((lang) =>
        explainReason({ code, ...SAMPLES[code] }, lang),
      );
      expect(new Set([en, fr, es]).size, code).toBe(3);
    }
  });

  it('uses plural forms', () => {
    const elective = (count: number) => ({
      code: 'missingElectives' as const,
      params: { count, have: 3 - count, needed: 3 },
    });
    expect(explainReason(elective(1), 'en')).toBe('1 more elective course is needed (2 of 3 done).');
    expect(explainReason(elective(2), 'en')).toBe('2 more elective courses are needed (1 of 3 done).');
    expect(explainReason(elective(1), 'es')).toBe('Falta 1 curso optativo (2 de 3 completados).');
    expect(explainReason(elective(2), 'es')).toBe('Faltan 2 cursos optativos (1 de 3 completados).');
  });

  it('formats dates as calendar days, without a time-zone shift', () => {
    const reason: Reason = { code: 'deadline', params: { deadline: '2025-01-01' } };
    expect(explainReason(reason, 'en')).toBe('Everything must be completed by 1 January 2025.');
    expect(explainReason(reason, 'fr')).toBe('Tout doit être terminé au plus tard le 1 janvier 2025.');
    expect(explainReason(reason, 'es')).toBe('Todo debe completarse a más tardar el 1 de enero de 2025.');
  });

  it('joins reasons into one text', () => {
    const text = explainReasons(
      [
        { code: 'missingCourse', params: { requirement: 'academy', courses: ['LMA'], count: 1 } },
        { code: 'capstoneLocked', params: {} },
      ],
      'en',
    );
    expect(text).toBe(
      'Compulsory course still missing: LMA. The capstone can start once the required courses are complete.',
    );
  });
});
