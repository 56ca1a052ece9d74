import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Milestone, timelineProblems } from '../capstone.js';
import { milestonesOutsideWindow, shiftOffer, type Timeline } from './milestone-plan.js';

const plan: Timeline = { outline: '2027-01-15', draft: '2027-03-15', final: '2027-05-15' };

describe('the plan offered after an extension', () => {
  it('shifts every milestone not yet reached by the days the window’s end moved', () => {
    const offer = shiftOffer(plan, {
      plannedDeadline: '2027-06-10',
      deadline: '2027-09-08',
      today: '2027-01-01',
    });
    expect(offer).toEqual({
      from: '2027-06-10',
      to: '2027-09-08',
      days: 90,
      timeline: { outline: '2027-04-15', draft: '2027-06-13', final: '2027-08-13' },
    });
  });

  it('keeps a reached milestone, never goes past the new end nor before today', () => {
    const reached = new Set<Milestone>(['outline']);
    const offer = shiftOffer(
      { outline: '2027-01-15', draft: '2027-02-01', final: '2027-06-01' },
      { plannedDeadline: '2027-06-10', deadline: '2027-06-20', today: '2027-02-20' },
      reached,
    );
    expect(offer?.timeline).toEqual({ outline: '2027-01-15', draft: '2027-02-20', final: '2027-06-11' });
    const capped = shiftOffer(plan, {
      plannedDeadline: '2027-05-15',
      deadline: '2027-05-20',
      today: '2027-01-01',
    });
    expect(capped?.timeline.final).toBe('2027-05-20');
    // The full draft reached without the outline recorded: the outline stays where it was.
    const draftOnly = shiftOffer(
      plan,
      { plannedDeadline: '2027-06-10', deadline: '2027-07-10', today: '2027-01-01' },
      new Set<Milestone>(['draft']),
    );
    expect(draftOnly?.timeline).toEqual({ outline: '2027-01-15', draft: '2027-03-15', final: '2027-06-14' });
  });

  it('offers nothing when the window did not move later or its planned end is unknown', () => {
    const today = '2027-01-01';
    expect(shiftOffer(plan, { plannedDeadline: '2027-06-10', deadline: '2027-06-10', today })).toBeNull();
    expect(shiftOffer(plan, { plannedDeadline: '2027-06-10', deadline: '2027-05-01', today })).toBeNull();
    expect(shiftOffer(plan, { plannedDeadline: null, deadline: '2027-09-01', today })).toBeNull();
    expect(shiftOffer(plan, { plannedDeadline: '2027-06-10', deadline: null, today })).toBeNull();
    // The window (even extended) has already ended: no plan fits.
    expect(
      shiftOffer(plan, { plannedDeadline: '2027-06-10', deadline: '2027-07-01', today: '2027-07-02' }),
    ).toBeNull();
    // Everything already reached: nothing to move.
    const all = new Set<Milestone>(['outline', 'draft', 'final']);
    expect(
      shiftOffer(plan, { plannedDeadline: '2027-06-10', deadline: '2027-09-01', today }, all),
    ).toBeNull();
  });

  it('always offers a plan the replanning rule accepts (property)', () => {
    const day = fc
      .integer({ min: 0, max: 1500 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 5, maxLength: 5 }),
        fc.constantFrom<Milestone[]>([], ['outline'], ['outline', 'draft']),
        (days, reachedList) => {
          const [a, b, c, today, extra] = days as [string, string, string, string, string];
          const [outline, draft, final] = [a, b, c].sort();
          const timeline = { outline: outline!, draft: draft!, final: final! };
          const reached = new Set(reachedList);
          // A valid plan (made on `today` or earlier) inside the window as planned…
          const plannedDeadline = final!;
          const deadline = extra > plannedDeadline ? extra : null;
          fc.pre(
            deadline !== null &&
              timelineProblems(timeline, { today: outline!, deadline: plannedDeadline }, reached).length ===
                0,
          );
          const offer = shiftOffer(timeline, { plannedDeadline, deadline, today }, reached);
          if (!offer) return;
          // …shifted: in order, inside the new window, nothing not reached before today.
          expect(timelineProblems(offer.timeline, { today, deadline }, reached)).toEqual([]);
          for (const m of reached) expect(offer.timeline[m]).toBe(timeline[m]);
        },
      ),
    );
  });
});

describe('milestones outside a shortened window', () => {
  it('names the milestones not reached that fall after the window’s end', () => {
    expect(milestonesOutsideWindow(plan, '2027-04-01')).toEqual(['final']);
    expect(milestonesOutsideWindow(plan, '2027-01-31')).toEqual(['draft', 'final']);
    expect(milestonesOutsideWindow(plan, '2027-01-31', new Set<Milestone>(['draft']))).toEqual(['final']);
    expect(milestonesOutsideWindow(plan, '2027-06-01')).toEqual([]);
    expect(milestonesOutsideWindow(plan, null)).toEqual([]);
  });
});
