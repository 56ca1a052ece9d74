import { describe, expect, it } from 'vitest';
import {
  canConfirm,
  canWithdrawOn,
  fundingProblems,
  fundingTotals,
  orderWaitingList,
  placesLeft,
  requestRefusal,
  statusOfNewRequest,
  topOrder,
  whoMovesUp,
} from './places.js';

const open = {
  status: 'scheduled',
  registrationOpen: true,
  registrationDeadline: '2027-02-15',
  startsOn: '2027-03-01',
  capacity: 2,
};

describe('places left', () => {
  it('counts confirmed places and pending requests, never the waiting list', () => {
    expect(placesLeft(3, { enrolled: 1, requested: 1 })).toBe(1);
    expect(placesLeft(2, { enrolled: 2, requested: 1 })).toBe(0);
    expect(placesLeft(null, { enrolled: 50, requested: 0 })).toBeNull();
  });
  it('sends a new request to the waiting list only when full', () => {
    expect(statusOfNewRequest(2, { enrolled: 1, requested: 0 })).toBe('requested');
    expect(statusOfNewRequest(2, { enrolled: 1, requested: 1 })).toBe('waitlisted');
    expect(statusOfNewRequest(0, { enrolled: 0, requested: 0 })).toBe('waitlisted');
    expect(statusOfNewRequest(null, { enrolled: 9, requested: 9 })).toBe('requested');
  });
  it('confirms a pending request while a confirmed place is free, others only when nobody holds it', () => {
    expect(canConfirm(2, { enrolled: 1, requested: 1 }, 'requested')).toBe(true);
    expect(canConfirm(2, { enrolled: 1, requested: 1 }, 'waitlisted')).toBe(false);
    expect(canConfirm(2, { enrolled: 1, requested: 0 }, 'new')).toBe(true);
  });
});

describe('the deadline and other refusals', () => {
  it('accepts a request up to the deadline', () => {
    expect(requestRefusal(open, '2027-02-15', null)).toBeNull();
    expect(requestRefusal(open, '2027-02-16', null)).toBe('places.error.deadlinePassed');
  });
  it('without a deadline, accepts until the day before the start', () => {
    const noDeadline = { ...open, registrationDeadline: null };
    expect(requestRefusal(noDeadline, '2027-02-28', null)).toBeNull();
    expect(requestRefusal(noDeadline, '2027-03-01', null)).toBe('places.error.started');
  });
  it('refuses closed and cancelled editions, and asking twice; allows asking again after withdrawing', () => {
    expect(requestRefusal({ ...open, registrationOpen: false }, '2027-01-01', null)).toBe(
      'places.error.registrationClosed',
    );
    expect(requestRefusal({ ...open, status: 'cancelled' }, '2027-01-01', null)).toBe(
      'places.error.cancelled',
    );
    for (const status of ['requested', 'waitlisted', 'enrolled'] as const)
      expect(requestRefusal(open, '2027-01-01', status)).toBe('places.error.alreadyRequested');
    expect(requestRefusal(open, '2027-01-01', 'declined')).toBe('places.error.alreadyDeclined');
    expect(requestRefusal(open, '2027-01-01', 'withdrawn')).toBeNull();
  });
  it('lets a participant withdraw only before the start', () => {
    expect(canWithdrawOn(open, '2027-02-28')).toBe(true);
    expect(canWithdrawOn(open, '2027-03-01')).toBe(false);
  });
});

describe('who moves up', () => {
  const waiting = [
    { id: 'c', waitlistOrder: 3, requestedAt: '2026-11-03' },
    { id: 'a', waitlistOrder: 1, requestedAt: '2026-11-01' },
    { id: 'b', waitlistOrder: 2, requestedAt: '2026-11-02' },
  ];
  it('orders first come, first served; a manager override (lower order) goes first', () => {
    expect(orderWaitingList(waiting).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    const moved = waiting.map((w) => (w.id === 'c' ? { ...w, waitlistOrder: topOrder(1) } : w));
    expect(orderWaitingList(moved).map((w) => w.id)).toEqual(['c', 'a', 'b']);
    expect(topOrder(null)).toBe(0);
  });
  it('moves up as many as places are free', () => {
    expect(whoMovesUp(3, { enrolled: 2, requested: 0 }, waiting).map((w) => w.id)).toEqual(['a']);
    expect(whoMovesUp(3, { enrolled: 3, requested: 0 }, waiting)).toEqual([]);
    expect(whoMovesUp(5, { enrolled: 1, requested: 1 }, waiting).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(whoMovesUp(null, { enrolled: 1, requested: 1 }, waiting)).toHaveLength(3);
  });
});

describe('funding', () => {
  it('needs a name for a sponsor or a scholarship', () => {
    expect(fundingProblems('self', null)).toEqual([]);
    expect(fundingProblems('sponsor', ' ')).toHaveLength(1);
    expect(fundingProblems('scholarship', 'Fund X')).toEqual([]);
  });
  it('totals confirmed places per kind', () => {
    expect(
      fundingTotals([
        { status: 'enrolled', fundingKind: 'sponsor' },
        { status: 'enrolled', fundingKind: null },
        { status: 'waitlisted', fundingKind: 'scholarship' },
      ]),
    ).toEqual({ self: 1, sponsor: 1, scholarship: 0 });
  });
});
