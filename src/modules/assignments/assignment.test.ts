import { describe, expect, it } from 'vitest';
import {
  type DateOverride,
  effectiveDates,
  fileTypeOf,
  mayStartAttempt,
  submissionDigest,
  submissionTiming,
} from './assignment.js';

const defaults = {
  opensAt: '2026-03-01T00:00:00.000Z',
  dueAt: '2026-03-10T12:00:00.000Z',
  cutoffAt: '2026-03-12T12:00:00.000Z',
};
const me = 'person-1';
const o = (scope: DateOverride['scope'], dates: Partial<DateOverride>): DateOverride => ({
  scope,
  personId: scope === 'group' ? null : me,
  groupId: scope === 'group' ? 'group-1' : null,
  opensAt: null,
  dueAt: null,
  cutoffAt: null,
  ...dates,
});

describe('effectiveDates: extension > personal override > group override > default', () => {
  it('gives the default without overrides', () => {
    const d = effectiveDates(defaults, [], me);
    expect(d.dueAt).toBe(defaults.dueAt);
    expect(d.source).toEqual({ opensAt: 'default', dueAt: 'default', cutoffAt: 'default' });
  });
  it('a group override beats the default, only for members', () => {
    const g = o('group', { dueAt: '2026-03-11T12:00:00.000Z' });
    expect(effectiveDates(defaults, [g], me, ['group-1']).dueAt).toBe('2026-03-11T12:00:00.000Z');
    expect(effectiveDates(defaults, [g], me, []).dueAt).toBe(defaults.dueAt);
  });
  it('a personal override beats a group override, and an extension beats both', () => {
    const all = [
      o('group', { dueAt: '2026-03-11T12:00:00.000Z' }),
      o('person', { dueAt: '2026-03-09T12:00:00.000Z' }),
      o('extension', { dueAt: '2026-03-20T12:00:00.000Z' }),
    ];
    expect(effectiveDates(defaults, all.slice(0, 2), me, ['group-1']).dueAt).toBe('2026-03-09T12:00:00.000Z');
    const d = effectiveDates(defaults, all, me, ['group-1']);
    expect(d.dueAt).toBe('2026-03-20T12:00:00.000Z');
    expect(d.source.dueAt).toBe('extension');
    // The extension's due date is past the default cut-off: the cut-off follows it.
    expect(d.cutoffAt).toBe('2026-03-20T12:00:00.000Z');
  });
  it('falls through field by field', () => {
    const d = effectiveDates(
      defaults,
      [
        o('extension', { dueAt: '2026-03-11T00:00:00.000Z' }),
        o('person', { opensAt: '2026-02-01T00:00:00.000Z' }),
      ],
      me,
    );
    expect(d.opensAt).toBe('2026-02-01T00:00:00.000Z');
    expect(d.source.opensAt).toBe('person');
    expect(d.cutoffAt).toBe(defaults.cutoffAt);
  });
  it("ignores someone else's overrides", () => {
    const other = { ...o('extension', { dueAt: '2026-04-01T00:00:00.000Z' }), personId: 'person-2' };
    expect(effectiveDates(defaults, [other], me).dueAt).toBe(defaults.dueAt);
  });
  it('takes the most generous of two groups', () => {
    const a = o('group', { dueAt: '2026-03-11T00:00:00.000Z' });
    const b = { ...o('group', { dueAt: '2026-03-15T00:00:00.000Z' }), groupId: 'group-2' };
    expect(effectiveDates(defaults, [a, b], me, ['group-1', 'group-2']).dueAt).toBe(
      '2026-03-15T00:00:00.000Z',
    );
  });
});

describe('submissionTiming', () => {
  it('is not open before opening, on time up to the due date, late up to the cut-off, then closed', () => {
    expect(submissionTiming(defaults, '2026-02-28T23:59:59.000Z')).toBe('not-open');
    expect(submissionTiming(defaults, '2026-03-10T12:00:00.000Z')).toBe('on-time');
    expect(submissionTiming(defaults, '2026-03-10T12:00:01.000Z')).toBe('late');
    expect(submissionTiming(defaults, '2026-03-12T12:00:00.000Z')).toBe('late');
    expect(submissionTiming(defaults, '2026-03-12T12:00:01.000Z')).toBe('closed');
  });
  it('without a cut-off a late submission stays possible; without a due date nothing is late', () => {
    expect(submissionTiming({ ...defaults, cutoffAt: null }, '2027-01-01T00:00:00.000Z')).toBe('late');
    expect(submissionTiming({ opensAt: null, dueAt: null, cutoffAt: null }, '2027-01-01T00:00:00.000Z')).toBe(
      'on-time',
    );
  });
});

describe('mayStartAttempt', () => {
  const submitted = (outcome: 'passed' | 'failed' | null = null, reopened = false) => ({
    status: 'submitted' as const,
    outcome,
    reopened,
  });
  it('always allows the first attempt and never while a draft is open', () => {
    expect(mayStartAttempt('none', null, [])).toBe(true);
    expect(mayStartAttempt('attempts', 3, [{ status: 'draft', outcome: null, reopened: false }])).toBe(false);
  });
  it('none: never again, unless reopened by hand', () => {
    expect(mayStartAttempt('none', null, [submitted('failed')])).toBe(false);
    expect(mayStartAttempt('none', null, [submitted('failed', true)])).toBe(true);
  });
  it('until passed: after a released fail only', () => {
    expect(mayStartAttempt('until-passed', null, [submitted(null)])).toBe(false);
    expect(mayStartAttempt('until-passed', null, [submitted('failed')])).toBe(true);
    expect(mayStartAttempt('until-passed', null, [submitted('failed'), submitted('passed')])).toBe(false);
  });
  it('N attempts: while fewer than N', () => {
    expect(mayStartAttempt('attempts', 2, [submitted()])).toBe(true);
    expect(mayStartAttempt('attempts', 2, [submitted(), submitted()])).toBe(false);
  });
  it('by hand: only when reopened', () => {
    expect(mayStartAttempt('by-hand', null, [submitted('failed')])).toBe(false);
    expect(mayStartAttempt('by-hand', null, [submitted('failed', true)])).toBe(true);
  });
});

describe('files and digests', () => {
  it('knows a PDF and a DOCX by their content, whatever their name', () => {
    expect(fileTypeOf(Buffer.from('%PDF-1.7 …'))).toBe('pdf');
    expect(fileTypeOf(Buffer.from('PK\u0003\u0004....word/document.xml....', 'latin1'))).toBe('docx');
    expect(fileTypeOf(Buffer.from('PK\u0003\u0004....other.xml', 'latin1'))).toBeNull();
    expect(fileTypeOf(Buffer.from('<html>'))).toBeNull();
  });
  it('digests the text and the files, in order', () => {
    const a = submissionDigest('text', ['aa', 'bb']);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(submissionDigest('text', ['bb', 'aa'])).not.toBe(a);
    expect(submissionDigest('text.', ['aa', 'bb'])).not.toBe(a);
  });
});
