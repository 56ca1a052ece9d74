import { describe, expect, it } from 'vitest';
import { evaluatePathway } from './evaluate.js';
import {
  ACADEMY_2020,
  buildRecord,
  coursesOf,
  DIPLOMA_RULES,
  evaluateRecord,
  participated,
  passed,
  requirementOf,
  THREE_ELECTIVES,
} from './pathway-fixtures.js';

describe('evaluatePathway: what never counts', () => {
  it('ignores a revoked Certificate of Achievement', () => {
    const evaluation = evaluateRecord({ achievements: [{ ...ACADEMY_2020, revoked: true }] }, '2021-01-10');
    expect(coursesOf(evaluation, 'academy')).toMatchObject({ status: 'missing', counted: [] });
    expect(evaluation.uncounted).toEqual([
      { course: 'LMA', countsAs: 'LMA', completed: '2020-06-15', reason: 'revoked' },
    ]);
    expect(evaluation.reasons).toContainEqual({ code: 'revokedNotCounted', params: { course: 'LMA' } });
  });

  it('ignores a Certificate of Participation', () => {
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020, participated('FRP', '2020-09-07'), ...THREE_ELECTIVES.slice(1)] },
      '2023-01-10',
    );
    expect(coursesOf(evaluation, 'electives')).toMatchObject({
      status: 'missing',
      have: 2,
      counted: ['MALM', 'SPMW'],
    });
    expect(evaluation.reasons).toContainEqual({ code: 'participationNotCounted', params: { course: 'FRP' } });
  });

  it('lists a course outside the programme as not counted', () => {
    const evaluation = evaluateRecord({ achievements: [passed('A9012020', '2021-01-10')] }, '2022-02-01');
    expect(evaluation.uncounted.map((item) => item.reason)).toEqual(['not-in-programme']);
    expect(evaluation.window.start).toBeNull();
  });
});

describe('evaluatePathway: the capstone', () => {
  it('stays locked until the Academy and three electives are met', () => {
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020, ...THREE_ELECTIVES.slice(0, 2)] },
      '2022-01-10',
    );
    expect(evaluation.capstoneUnlocked).toBe(false);
    expect(requirementOf(evaluation, 'capstone')).toMatchObject({
      status: 'missing',
      waitingFor: ['electives'],
    });
    expect(evaluation.reasons.map((reason) => reason.code)).toContain('capstoneLocked');
    const unlocked = evaluateRecord({ achievements: [ACADEMY_2020, ...THREE_ELECTIVES] }, '2023-01-10');
    expect(unlocked.capstoneUnlocked).toBe(true);
    expect(unlocked.reasons.map((reason) => reason.code)).toContain('capstoneReady');
  });

  it('does not count a passed capstone while its prerequisites are not met', () => {
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020], capstone: { status: 'passed', completed: '2021-05-01' } },
      '2021-06-01',
    );
    expect(requirementOf(evaluation, 'capstone')).toMatchObject({ status: 'missing', have: 0 });
    expect(evaluation.reasons.map((reason) => reason.code)).toContain('capstoneAwaitingPrerequisites');
  });

  it('does not count a capstone passed after the deadline: the candidate has expired; an extension saves it', () => {
    // Every window closed before today: the last one, from SPMW, on 2022-03-01.
    const achievements = [
      passed('LMA', '2017-01-10', '2017-01-20'),
      passed('FRP', '2017-01-20'),
      passed('MALM', '2017-02-01'),
      passed('SPMW', '2017-03-01'),
    ];
    const capstone = { status: 'passed' as const, completed: '2022-03-01' };
    const evaluation = evaluateRecord({ achievements, capstone }, '2022-04-01');
    expect(evaluation).toMatchObject({ status: 'expired', awardable: false, capstoneUnlocked: false });
    expect(evaluation.window).toMatchObject({ start: '2017-01-10', deadline: '2022-01-10' });
    expect(requirementOf(evaluation, 'capstone').status).toBe('missing');
    expect(evaluation.reasons).toContainEqual({
      code: 'capstoneOutsideWindow',
      params: { completed: '2022-03-01', start: '2017-01-10', deadline: '2022-01-10' },
    });
    const extended = evaluateRecord(
      { achievements, capstone, extensions: [{ months: 3, reason: 'illness' }] },
      '2022-04-01',
    );
    expect(extended).toMatchObject({
      status: 'completed',
      awardable: true,
      window: { deadline: '2022-04-10' },
    });
  });

  it('is in progress when the record says so', () => {
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020, ...THREE_ELECTIVES], capstone: { status: 'in-progress' } },
      '2023-01-10',
    );
    expect(requirementOf(evaluation, 'capstone').status).toBe('in-progress');
  });
});

describe('evaluatePathway: withdrawal, expiry, extensions', () => {
  const fourIn2018 = [
    passed('LMA', '2018-03-01', '2018-03-15'),
    passed('FRP', '2018-04-01', '2018-05-01'),
    passed('MALM', '2018-06-01', '2018-07-01'),
    passed('SPMW', '2018-09-01', '2018-10-01'),
  ];

  it('never awards a withdrawn candidate, even with every requirement met', () => {
    const evaluation = evaluateRecord(
      {
        status: 'withdrawn',
        achievements: [ACADEMY_2020, ...THREE_ELECTIVES],
        capstone: { status: 'passed', completed: '2023-05-01' },
      },
      '2023-06-01',
    );
    expect(evaluation).toMatchObject({
      status: 'withdrawn',
      awardable: false,
      capstoneUnlocked: false,
      atRisk: [],
    });
    expect(evaluation.reasons).toEqual([{ code: 'withdrawn', params: {} }]);
  });

  it('expires a candidate whose every window closed with requirements missing', () => {
    const evaluation = evaluateRecord(
      { achievements: fourIn2018, capstone: { status: 'in-progress' } },
      '2023-10-15',
    );
    expect(evaluation).toMatchObject({
      status: 'expired',
      awardable: false,
      capstoneUnlocked: false,
      window: { start: '2018-03-01', deadline: '2023-03-01' },
      atRisk: [],
    });
    expect(evaluation.reasons[0]).toEqual({ code: 'expired', params: { deadline: '2023-03-01' } });
  });

  it('keeps the candidate active when an extension moves the deadline past today', () => {
    const extensions = [
      { months: 6, reason: 'illness' },
      { months: 6, reason: 'posting abroad' },
    ];
    const evaluation = evaluateRecord(
      { achievements: fourIn2018, capstone: { status: 'in-progress' }, extensions },
      '2023-10-15',
    );
    expect(evaluation).toMatchObject({
      status: 'active',
      capstoneUnlocked: true,
      extensionsMonths: 12,
      window: { start: '2018-03-01', deadline: '2024-03-01' },
    });
    expect(evaluation.reasons.map((reason) => reason.code)).toEqual([
      'capstoneInProgress',
      'deadlineSoon',
      'extensionGranted',
    ]);
  });

  it('prefers a later window that drops an old Academy over a closed one', () => {
    const evaluation = evaluateRecord(
      { achievements: [passed('LMA', '2017-01-10'), passed('ELMA', '2023-07-10')] },
      '2023-09-01',
    );
    expect(evaluation.status).toBe('active');
    expect(evaluation.window).toMatchObject({ start: '2023-07-10', deadline: '2028-07-10' });
    expect(coursesOf(evaluation, 'academy').counted).toEqual(['ELMA']);
  });
});

describe('evaluatePathway: in progress from enrolments', () => {
  it('marks a requirement in progress for a running or upcoming enrolment that would count', () => {
    const enrolments = [
      { course: 'PRM', start: '2023-02-16', end: '2023-03-27' },
      { course: 'FRP', start: '2022-09-12', end: '2022-10-21' },
    ];
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020, ...THREE_ELECTIVES.slice(1)], enrolments },
      '2023-01-10',
    );
    expect(coursesOf(evaluation, 'electives')).toMatchObject({ status: 'in-progress', enrolled: ['PRM'] });
    expect(evaluation.reasons).toContainEqual({
      code: 'enrolled',
      params: { course: 'PRM', end: '2023-03-27' },
    });
  });

  it('ignores a finished enrolment, and one in a course already counted', () => {
    const enrolments = [
      { course: 'MALM', start: '2023-02-01', end: '2023-03-01' },
      { course: 'PRM', start: '2022-01-01', end: '2022-02-01' },
    ];
    const evaluation = evaluateRecord(
      { achievements: [ACADEMY_2020, ...THREE_ELECTIVES.slice(1)], enrolments },
      '2023-01-10',
    );
    expect(coursesOf(evaluation, 'electives')).toMatchObject({ status: 'missing', enrolled: [] });
  });

  it('counts an e-Academy enrolment as progress towards the Academy', () => {
    const enrolments = [{ course: 'ELMA', start: '2023-07-10', end: '2023-07-21' }];
    const evaluation = evaluateRecord({ achievements: THREE_ELECTIVES, enrolments }, '2023-06-01');
    expect(coursesOf(evaluation, 'academy')).toMatchObject({ status: 'in-progress', enrolled: ['ELMA'] });
  });
});

describe('evaluatePathway: at risk', () => {
  it('lists counted achievements that expire within 12 months and a deadline within 12 months', () => {
    const evaluation = evaluateRecord(
      {
        achievements: [
          passed('LMA', '2018-11-05', '2018-11-20'),
          passed('FRP', '2019-02-01'),
          passed('MALM', '2021-01-10'),
        ],
        enrolments: [{ course: 'SPMW', start: '2023-09-01', end: '2024-01-15' }],
      },
      '2023-06-01',
    );
    expect(evaluation.window.deadline).toBe('2023-11-05');
    expect(evaluation.atRisk).toEqual([
      { kind: 'achievement-expiring', course: 'LMA', date: '2023-11-05' },
      { kind: 'achievement-expiring', course: 'FRP', date: '2024-02-01' },
      { kind: 'deadline-soon', deadline: '2023-11-05', missing: ['electives', 'capstone'] },
      { kind: 'enrolment-after-deadline', course: 'SPMW', end: '2024-01-15', deadline: '2023-11-05' },
    ]);
    expect(evaluation.reasons.map((reason) => reason.code)).toContain('enrolmentAfterDeadline');
  });

  it('reports nothing at risk when the deadline is more than 12 months away', () => {
    const evaluation = evaluateRecord({ achievements: [passed('LMA', '2022-01-10')] }, '2022-06-01');
    expect(evaluation.atRisk).toEqual([]);
    expect(evaluation.reasons.map((reason) => reason.code)).toContain('deadline');
  });
});

describe('evaluatePathway: explanations', () => {
  const record = buildRecord({ achievements: [ACADEMY_2020, THREE_ELECTIVES[0]!] });
  const explain = (lang: 'en' | 'fr' | 'es') =>
    evaluatePathway(DIPLOMA_RULES, record, '2021-01-10', { lang }).explanation;

  it('is given in English, French and Spanish with the numbers and dates', () => {
    expect(explain('en')).toBe(
      '2 more elective courses are needed (1 of 3 done). The capstone can start once the required courses are complete. ' +
        'Everything must be completed by 1 June 2025.',
    );
    expect(explain('fr')).toContain('Il manque encore 2 cours au choix (1 sur 3 déjà validés).');
    expect(explain('fr')).toContain('1 juin 2025');
    expect(explain('es')).toContain('Faltan 2 cursos optativos (1 de 3 completados).');
    expect(explain('es')).toContain('1 de junio de 2025');
    expect(new Set([explain('en'), explain('fr'), explain('es')]).size).toBe(3);
  });

  it('uses the singular for one missing elective, and names a missing compulsory course', () => {
    const one = buildRecord({ achievements: THREE_ELECTIVES.slice(0, 2) });
    // Both electives count (window 2020-09-07 to 2025-09-07), the Academy is missing.
    const text = evaluatePathway(DIPLOMA_RULES, one, '2022-01-10').explanation;
    expect(text).toContain('Compulsory course still missing: LMA.');
    expect(text).toContain('1 more elective course is needed (2 of 3 done).');
  });

  it('keeps the reasons structured for other layers', () => {
    const evaluation = evaluatePathway(DIPLOMA_RULES, record, '2021-01-10');
    expect(evaluation.reasons[0]).toEqual({
      code: 'missingElectives',
      params: { requirement: 'electives', count: 2, have: 1, needed: 3 },
    });
  });
});

describe('evaluatePathway: input', () => {
  it('refuses a today that is not a date', () => {
    expect(() => evaluatePathway(DIPLOMA_RULES, buildRecord(), '2023-02-30')).toThrow(RangeError);
  });
});
