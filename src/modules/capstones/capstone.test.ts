import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPSTONE_ACTIONS,
  CAPSTONE_STATES,
  capstoneWarnings,
  librarySearchText,
  nextCapstoneState,
  type Proposal,
  proposalProblems,
  resubmissionProblem,
  timelineProblems,
} from './capstone.js';

const ALLOWED: Record<string, string> = {
  'draft submit-proposal': 'proposed',
  'proposed approve': 'approved',
  'proposed return': 'returned',
  'proposed reject': 'rejected',
  'returned submit-proposal': 'proposed',
  'rejected redraft': 'draft',
  'approved submit-final': 'submitted',
  'submitted pass': 'passed',
  'submitted require-resubmission': 'resubmission',
  'submitted fail': 'failed',
  'resubmission submit-final': 'submitted',
};

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  title: 'T',
  country: 'GH',
  policyQuestion: 'Q',
  themes: ['Social protection'],
  approaches: ['LMA', 'FRP', 'MALM', 'SPMW'].map((course) => ({ course, text: `Approach of ${course}` })),
  language: 'en',
  timeline: { outline: '2027-01-10', draft: '2027-03-10', final: '2027-05-10' },
  ...overrides,
});
const COUNTED = ['LMA', 'FRP', 'MALM', 'SPMW'];
const WINDOW = { today: '2026-11-28', deadline: '2029-06-10' };

describe('the capstone state machine', () => {
  it(`allows exactly the ${Object.keys(ALLOWED).length} transitions of the workflow, among all ${CAPSTONE_STATES.length * CAPSTONE_ACTIONS.length} pairs`, () => {
    for (const state of CAPSTONE_STATES)
      for (const action of CAPSTONE_ACTIONS)
        expect(nextCapstoneState(state, action), `${state} ${action}`).toBe(
          ALLOWED[`${state} ${action}`] ?? null,
        );
  });

  it('never leaves passed or failed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPSTONE_ACTIONS), (action) => {
        expect(nextCapstoneState('passed', action)).toBeNull();
        expect(nextCapstoneState('failed', action)).toBeNull();
      }),
    );
  });
});

describe('proposal problems', () => {
  it('accepts a proposal using every counted course with milestones in order inside the window', () => {
    expect(proposalProblems(proposal(), COUNTED, WINDOW)).toEqual([]);
  });

  it('wants an approach for each counted course, and only counted courses', () => {
    const problems = proposalProblems(
      proposal({
        approaches: [
          { course: 'LMA', text: 'x' },
          { course: 'PRM', text: 'y' },
        ],
      }),
      COUNTED,
      WINDOW,
    );
    expect(problems.map((p) => `${p.path}:${p.key}`)).toEqual([
      'approaches:capstones.error.courseNotCounted',
      'approach.FRP:capstones.error.approachMissing',
      'approach.MALM:capstones.error.approachMissing',
      'approach.SPMW:capstones.error.approachMissing',
    ]);
  });

  it('wants the milestones set, in order, after today and by the window’s end', () => {
    const keys = (timeline: Proposal['timeline']) =>
      proposalProblems(proposal({ timeline }), COUNTED, WINDOW).map((p) => `${p.path}:${p.key}`);
    expect(keys({ outline: null, draft: '2027-03-10', final: '2027-05-10' })).toEqual([
      'outlineDue:capstones.error.milestoneMissing',
    ]);
    expect(keys({ outline: '2027-04-01', draft: '2027-03-10', final: '2027-05-10' })).toEqual([
      'draftDue:capstones.error.milestoneOrder',
    ]);
    expect(keys({ outline: '2026-01-01', draft: '2027-03-10', final: '2027-05-10' })).toEqual([
      'outlineDue:capstones.error.milestoneOrder',
    ]);
    expect(keys({ outline: '2027-01-01', draft: '2027-03-10', final: '2030-01-01' })).toEqual([
      'finalDue:capstones.error.milestoneAfterWindow',
    ]);
  });
});

describe('warnings and resubmission', () => {
  it('warns of milestones and the window’s end within 30 days (past ones too), only while in progress', () => {
    const timeline = { outline: '2026-11-20', draft: '2026-12-20', final: '2027-05-10' };
    expect(capstoneWarnings('approved', timeline, '2026-12-10', '2026-11-28')).toEqual([
      { kind: 'outline', date: '2026-11-20', days: -8 },
      { kind: 'draft', date: '2026-12-20', days: 22 },
      { kind: 'window', date: '2026-12-10', days: 12 },
    ]);
    expect(capstoneWarnings('draft', timeline, '2026-12-10', '2026-11-28')).toEqual([
      { kind: 'window', date: '2026-12-10', days: 12 },
    ]);
    expect(capstoneWarnings('passed', timeline, '2026-12-10', '2026-11-28')).toEqual([]);
  });

  it('allows one resubmission, with a deadline after today and inside the window', () => {
    expect(resubmissionProblem(1, '2027-03-01', '2026-11-28', '2029-06-10')).toBeNull();
    expect(resubmissionProblem(2, '2027-03-01', '2026-11-28', '2029-06-10')).toBe(
      'capstones.error.resubmittedOnce',
    );
    expect(resubmissionProblem(1, '2026-11-28', '2026-11-28', null)).toBe('capstones.error.dueInPast');
    expect(resubmissionProblem(1, '2030-01-01', '2026-11-28', '2029-06-10')).toBe(
      'capstones.error.dueAfterWindow',
    );
  });

  it('searches the country in every interface language', () => {
    const text = librarySearchText({
      title: 'Mines',
      policyQuestion: '',
      country: 'ZA',
      themes: [],
      abstracts: {},
    });
    expect(text).toContain('south africa');
    expect(text).toContain('afrique du sud');
    expect(text).toContain('sudafrica');
  });
});

describe('timelineProblems (planning the milestones again)', () => {
  const window = { today: '2027-03-01', deadline: '2029-06-10' };
  const keys = (problems: { path: string; key: string }[]) => problems.map((p) => `${p.path}:${p.key}`);

  it('keeps every date in order, from today (a reached milestone may stay in the past), inside the window', () => {
    const plan = { outline: '2027-02-01', draft: '2027-06-01', final: '2029-06-10' };
    expect(keys(timelineProblems(plan, window))).toEqual(['outlineDue:capstones.error.milestoneOrder']);
    expect(timelineProblems(plan, window, new Set(['outline']))).toEqual([]);
    expect(keys(timelineProblems({ ...plan, draft: '2027-01-01' }, window, new Set(['outline'])))).toEqual([
      'draftDue:capstones.error.milestoneOrder',
    ]);
    expect(keys(timelineProblems({ ...plan, final: '2029-06-11' }, window, new Set(['outline'])))).toEqual([
      'finalDue:capstones.error.milestoneAfterWindow',
    ]);
    expect(keys(timelineProblems({ ...plan, draft: null }, window, new Set(['outline'])))).toEqual([
      'draftDue:capstones.error.milestoneMissing',
    ]);
  });

  it('accepts only plans in order and inside the window, whatever the dates and the extension', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        day,
        day,
        day,
        fc.boolean(),
        (outline, draft, final, today, deadline, reachedOutline) => {
          const reached = new Set(reachedOutline ? (['outline'] as const) : []);
          const problems = timelineProblems({ outline, draft, final }, { today, deadline }, reached);
          const ordered = outline <= draft && draft <= final;
          const inside = final <= deadline && draft <= deadline && outline <= deadline;
          const fromToday = (reachedOutline || outline >= today) && draft >= today && final >= today;
          expect(problems.length === 0).toBe(ordered && inside && fromToday);
        },
      ),
    );
  });
});
