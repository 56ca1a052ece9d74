import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EditionPhases,
  editionDateProblems,
  editionSpan,
  editionTiming,
  isOpenForRegistration,
  MODES,
} from './course.js';
import { currencyDigits, feeProblems, MAX_FEE_MINOR_UNITS, toMinorUnits } from './edition-input.js';

const NO_PHASES: EditionPhases = {
  selfPacedStart: null,
  selfPacedEnd: null,
  liveStart: null,
  liveEnd: null,
  residentialStart: null,
  residentialEnd: null,
  assignmentDue: null,
};
const phases = (p: Partial<EditionPhases>): EditionPhases => ({ ...NO_PHASES, ...p });
const ONLINE = phases({
  selfPacedStart: '2027-03-01',
  selfPacedEnd: '2027-03-14',
  liveStart: '2027-03-15',
  liveEnd: '2027-04-09',
  assignmentDue: '2027-04-16',
});
const keys = (problems: { path: string; key: string }[]) => problems.map((p) => `${p.path}:${p.key}`);

describe('editionDateProblems', () => {
  it('accepts a well-formed online edition and a residential one', () => {
    expect(editionDateProblems(ONLINE, 'online', '2027-02-15')).toEqual([]);
    const residential = phases({ residentialStart: '2025-06-01', residentialEnd: '2025-06-12' });
    expect(editionDateProblems(residential, 'residential', null)).toEqual([]);
    expect(editionDateProblems({ ...ONLINE, ...residential }, 'blended', null)).toEqual([]);
  });

  it('wants both ends of a phase, on the missing end', () => {
    expect(keys(editionDateProblems(phases({ liveStart: '2027-01-01' }), 'online', null))).toEqual([
      'liveEnd:validation.phaseBothDates',
    ]);
    expect(keys(editionDateProblems(phases({ liveEnd: '2027-01-01' }), 'online', null))).toEqual([
      'liveStart:validation.phaseBothDates',
      'selfPacedStart:validation.atLeastOnePhase',
    ]);
    expect(keys(editionDateProblems({ ...ONLINE, selfPacedStart: null }, 'online', null))).toContain(
      'selfPacedStart:validation.phaseBothDates',
    );
  });

  it('refuses a phase that ends before it starts (a one-day phase is fine)', () => {
    const backwards = { ...ONLINE, liveStart: '2027-04-10', liveEnd: '2027-04-09' };
    expect(keys(editionDateProblems(backwards, 'online', null))).toEqual([
      'liveEnd:validation.endBeforeStart',
    ]);
    const oneDay = phases({ liveStart: '2027-04-09', liveEnd: '2027-04-09' });
    expect(editionDateProblems(oneDay, 'online', null)).toEqual([]);
  });

  it('needs at least one dated phase', () => {
    expect(keys(editionDateProblems(NO_PHASES, 'online', null))).toEqual([
      'selfPacedStart:validation.atLeastOnePhase',
    ]);
  });

  it('matches the mode with the residential phase', () => {
    const withResidential = { ...ONLINE, residentialStart: '2027-05-01', residentialEnd: '2027-05-05' };
    expect(keys(editionDateProblems(withResidential, 'online', null))).toEqual([
      'residentialStart:validation.onlineNoResidential',
    ]);
    for (const mode of ['residential', 'blended'] as const) {
      expect(keys(editionDateProblems(ONLINE, mode, null))).toEqual([
        'residentialStart:validation.residentialPhaseNeeded',
      ]);
    }
  });

  it('refuses an assignment due before the start and a deadline after the end', () => {
    expect(keys(editionDateProblems({ ...ONLINE, assignmentDue: '2027-02-28' }, 'online', null))).toEqual([
      'assignmentDue:validation.assignmentBeforeStart',
    ]);
    expect(keys(editionDateProblems(ONLINE, 'online', '2027-04-17'))).toEqual([
      'registrationDeadline:validation.deadlineAfterEnd',
    ]);
    // The assignment is part of the edition: registration may close on its due date.
    expect(editionDateProblems(ONLINE, 'online', '2027-04-16')).toEqual([]);
  });

  it('reports every problem at once', () => {
    const bad = phases({ selfPacedStart: '2027-03-10', selfPacedEnd: '2027-03-01', liveEnd: '2027-03-20' });
    expect(keys(editionDateProblems(bad, 'blended', '2028-01-01'))).toEqual([
      'selfPacedEnd:validation.endBeforeStart',
      'liveStart:validation.phaseBothDates',
      'residentialStart:validation.residentialPhaseNeeded',
      'registrationDeadline:validation.deadlineAfterEnd',
    ]);
  });
});

describe('editionSpan', () => {
  it('runs from the earliest start to the latest end or due date', () => {
    expect(editionSpan(ONLINE)).toEqual({ startsOn: '2027-03-01', endsOn: '2027-04-16' });
    expect(editionSpan(phases({ residentialStart: '2025-06-01', residentialEnd: '2025-06-12' }))).toEqual({
      startsOn: '2025-06-01',
      endsOn: '2025-06-12',
    });
  });

  it('is null without any start, and a lone start is a one-day span', () => {
    expect(editionSpan(NO_PHASES)).toBeNull();
    expect(editionSpan(phases({ liveEnd: '2027-01-01', assignmentDue: '2027-02-01' }))).toBeNull();
    expect(editionSpan(phases({ liveStart: '2027-01-01' }))).toEqual({
      startsOn: '2027-01-01',
      endsOn: '2027-01-01',
    });
  });

  const day = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const maybeDay = fc.option(day, { nil: null });
  const anyPhases = fc.record({
    selfPacedStart: maybeDay,
    selfPacedEnd: maybeDay,
    liveStart: maybeDay,
    liveEnd: maybeDay,
    residentialStart: maybeDay,
    residentialEnd: maybeDay,
    assignmentDue: maybeDay,
  });

  it('property: start ≤ end, both among the given dates, the start the earliest start', () => {
    fc.assert(
      fc.property(anyPhases, (p) => {
        const span = editionSpan(p);
        const starts = [p.selfPacedStart, p.liveStart, p.residentialStart].filter((d) => d !== null);
        if (starts.length === 0) {
          expect(span).toBeNull();
          return;
        }
        const given = Object.values(p).filter((d) => d !== null);
        expect(span).not.toBeNull();
        expect(span!.startsOn <= span!.endsOn).toBe(true);
        expect(given).toContain(span!.startsOn);
        expect(given).toContain(span!.endsOn);
        expect(span!.startsOn).toBe([...starts].sort()[0]);
      }),
    );
  });

  it('property: well-formed phases have no problems and their span covers every date', () => {
    const pair = fc
      .option(fc.tuple(day, day), { nil: null })
      .map((t) => (t ? ([t[0], t[1]].sort() as [string, string]) : null));
    fc.assert(
      fc.property(pair, pair, pair, fc.constantFrom(...MODES), (selfPaced, live, residential, mode) => {
        fc.pre(selfPaced !== null || live !== null || residential !== null);
        fc.pre((mode === 'online') === (residential === null));
        const p = phases({
          selfPacedStart: selfPaced?.[0] ?? null,
          selfPacedEnd: selfPaced?.[1] ?? null,
          liveStart: live?.[0] ?? null,
          liveEnd: live?.[1] ?? null,
          residentialStart: residential?.[0] ?? null,
          residentialEnd: residential?.[1] ?? null,
        });
        expect(editionDateProblems(p, mode, null)).toEqual([]);
        const span = editionSpan(p)!;
        for (const d of Object.values(p))
          if (d !== null) expect(span.startsOn <= d && d <= span.endsOn).toBe(true);
        expect(editionDateProblems(p, mode, span.endsOn)).toEqual([]);
      }),
    );
  });
});

describe('isOpenForRegistration', () => {
  const edition = {
    registrationOpen: true,
    registrationDeadline: '2027-02-15',
    status: 'scheduled' as const,
    startsOn: '2027-03-01',
  };

  it('is open until the deadline, inclusive', () => {
    expect(isOpenForRegistration(edition, '2027-02-15')).toBe(true);
    expect(isOpenForRegistration(edition, '2027-02-16')).toBe(false);
  });

  it('without a deadline, is open until the first day', () => {
    const noDeadline = { ...edition, registrationDeadline: null };
    expect(isOpenForRegistration(noDeadline, '2027-03-01')).toBe(true);
    expect(isOpenForRegistration(noDeadline, '2027-03-02')).toBe(false);
  });

  it('is closed when registration is off or the edition cancelled, whatever the date', () => {
    expect(isOpenForRegistration({ ...edition, registrationOpen: false }, '2026-01-01')).toBe(false);
    expect(isOpenForRegistration({ ...edition, status: 'cancelled' }, '2026-01-01')).toBe(false);
  });
});

describe('editionTiming', () => {
  const edition = { startsOn: '2027-03-01', endsOn: '2027-04-16' };
  it('is upcoming before the first day, running on the first and last day, past after', () => {
    expect(editionTiming(edition, '2027-02-28')).toBe('upcoming');
    expect(editionTiming(edition, '2027-03-01')).toBe('running');
    expect(editionTiming(edition, '2027-04-16')).toBe('running');
    expect(editionTiming(edition, '2027-04-17')).toBe('past');
  });
});

describe('toMinorUnits', () => {
  it('converts decimal text to minor units without floating-point rounding', () => {
    expect(toMinorUnits('1500', 'EUR')).toBe(150000);
    expect(toMinorUnits('1500.5', 'EUR')).toBe(150050);
    expect(toMinorUnits('1500.50', 'EUR')).toBe(150050);
    expect(toMinorUnits('0.29', 'USD')).toBe(29);
    expect(toMinorUnits('19.99', 'CHF')).toBe(1999);
  });

  it('knows currencies without minor units (JPY) and with three digits (KWD)', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.5', 'KWD')).toBe(1500);
  });

  it('property: agrees with exact integer arithmetic on cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole}.${String(cents).padStart(2, '0')}`;
          expect(toMinorUnits(text, 'EUR')).toBe(whole * 100 + cents);
        },
      ),
    );
  });
});

describe('feeProblems', () => {
  it('refuses more decimals than the currency has, instead of dropping them', () => {
    expect(feeProblems('1500.50', 'JPY')).toEqual([{ path: 'feeAmount', key: 'validation.invalidAmount' }]);
    expect(feeProblems('1500.00', 'JPY')).toEqual([]);
    expect(feeProblems('1500', 'JPY')).toEqual([]);
    expect(feeProblems('1500.5', 'EUR')).toEqual([]);
    expect(feeProblems('1.25', 'KWD')).toEqual([]);
  });

  it('refuses an amount the 32-bit column cannot hold, saying the largest in major units', () => {
    expect(MAX_FEE_MINOR_UNITS).toBe(2 ** 31 - 1);
    expect(feeProblems('21474836.47', 'EUR')).toEqual([]);
    expect(feeProblems('21474836.48', 'EUR')).toEqual([
      { path: 'feeAmount', key: 'validation.tooBig', values: { max: 21474836 } },
    ]);
    expect(feeProblems('2147483648', 'JPY')).toEqual([
      { path: 'feeAmount', key: 'validation.tooBig', values: { max: 2147483647 } },
    ]);
    expect(feeProblems('2147484', 'KWD')[0]?.values).toEqual({ max: 2147483 });
  });
});
