import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESET_MAILS_PER_ADDRESS, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from './back-off.js';
import { DEFAULT_BACK_OFF, FREE_FAILURES, lockDuration, lockLadder, MAX_LOCK_MS } from './throttle.js';

const MINUTE = 60_000;

describe('lockDuration', () => {
  it('does not lock for the first free failures', () => {
    for (let failures = 0; failures < FREE_FAILURES; failures++) expect(lockDuration(failures)).toBe(0);
  });

  it('locks one minute at the fifth failure, then doubles', () => {
    expect(FREE_FAILURES).toBe(5);
    expect(lockDuration(5)).toBe(1 * MINUTE);
    expect(lockDuration(6)).toBe(2 * MINUTE);
    expect(lockDuration(7)).toBe(4 * MINUTE);
    expect(lockDuration(8)).toBe(8 * MINUTE);
    expect(lockDuration(10)).toBe(32 * MINUTE);
  });

  it('never locks longer than an hour, however many failures', () => {
    expect(MAX_LOCK_MS).toBe(60 * MINUTE);
    expect(lockDuration(11)).toBe(60 * MINUTE);
    expect(lockDuration(1000)).toBe(60 * MINUTE);
    expect(lockDuration(Number.MAX_SAFE_INTEGER)).toBe(60 * MINUTE);
  });

  it('never shortens the lock when failures grow, and stays within 0..1 hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        const lock = lockDuration(failures);
        expect(lock).toBeGreaterThanOrEqual(0);
        expect(lock).toBeLessThanOrEqual(MAX_LOCK_MS);
        expect(lockDuration(failures + 1)).toBeGreaterThanOrEqual(lock);
        expect(Number.isInteger(lock / MINUTE)).toBe(true);
      }),
    );
  });
});

describe('lockLadder and the policies', () => {
  const now = new Date('2026-11-28T10:00:00.000Z');
  const minutesAfter = (iso: string) => (Date.parse(iso) - now.getTime()) / MINUTE;

  it('lists the lock ends from the first locked attempt up to the cap', () => {
    expect(lockLadder(DEFAULT_BACK_OFF, now).map(minutesAfter)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(lockLadder(SIGN_IN_PER_ACCOUNT, now).map(minutesAfter)).toEqual([1, 2, 4, 8, 15]);
    expect(lockLadder(RESET_MAILS_PER_ADDRESS, now).map(minutesAfter)).toEqual([5, 10, 20, 40, 60]);
  });

  it('never slows an address for long on the account-wide counter (15 minutes at most)', () => {
    expect(SIGN_IN_PER_ACCOUNT.freeAttempts).toBeGreaterThan(SIGN_IN_PER_ADDRESS.freeAttempts);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (attempts) => {
        expect(lockDuration(attempts, SIGN_IN_PER_ACCOUNT)).toBeLessThanOrEqual(15 * MINUTE);
      }),
    );
  });
});
