import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { AppError } from '../../../kernel/errors.js';
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from './back-off.js';
import { signIn } from './sign-in.js';

/**
 * The sign-in back-off under attack, on both engines: parallel guesses are counted atomically (no more than
 * the free attempts are ever checked), and a flood — from one address or from many — slows the attacker
 * without locking the owner out.
 */

const client = (ip: string) => ({ ip, userAgent: 'vitest' });
let counter = 0;
const freshEmail = () => `flood-${Date.now().toString(36)}-${++counter}@example.org`;
/** The outcome of a sign-in: 'ok' or the error code. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>((acc, code) => {
    acc[code] = (acc[code] ?? 0) + 1;
    return acc;
  }, {});

for (const dialect of DIALECTS) {
  describe(`${dialect}: sign-in back-off under attack`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('checks no more than the free attempts of 15 parallel wrong guesses', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps);
      const attacker = client('198.51.100.7');
      const codes = await Promise.all(
        Array.from({ length: 15 }, () =>
          outcome(signIn(deps.db, deps, { email: person.email, password: 'a wrong guess' }, attacker)),
        ),
      );
      // invalid_credentials means the password was checked; too_many_attempts means it was not.
      expect(tally(codes)).toEqual({
        invalid_credentials: SIGN_IN_PER_ADDRESS.freeAttempts,
        too_many_attempts: 15 - SIGN_IN_PER_ADDRESS.freeAttempts,
      });
      // The attacker's address waits, even with the right password…
      expect(
        await outcome(signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, attacker)),
      ).toBe('too_many_attempts');
      // …but the owner, from another address, signs in at once.
      expect(
        await outcome(
          signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, client('203.0.113.9')),
        ),
      ).toBe('ok');
    });

    it('counts an unknown email the same way (the lock tells nothing about who has an account)', async () => {
      deps.clock.set(TEST_NOW);
      const codes = await Promise.all(
        Array.from({ length: 15 }, () =>
          outcome(signIn(deps.db, deps, { email: freshEmail(), password: 'x' }, client('198.51.100.8'))),
        ),
      );
      // Different emails: each its own counter, none locked.
      expect(tally(codes)).toEqual({ invalid_credentials: 15 });
      const nobody = freshEmail();
      const same = await Promise.all(
        Array.from({ length: 15 }, () =>
          outcome(signIn(deps.db, deps, { email: nobody, password: 'x' }, client('198.51.100.8'))),
        ),
      );
      expect(tally(same)).toEqual({ invalid_credentials: 5, too_many_attempts: 10 });
    });

    it('slows a flood from many addresses, never the owner’s usual address, and only delays a new one', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps);
      const home = client('203.0.113.20');
      expect(
        await outcome(signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, home)),
      ).toBe('ok');
      deps.clock.advance(60_000);

      // 40 addresses, 2 guesses each, in parallel: the account-wide counter lets 20 attempts through (the
      // owner's first sign-in from home, still unknown then, was one of them), then slows.
      const guesses = Array.from({ length: 40 }, (_, i) => client(`198.51.100.${100 + i}`)).flatMap(
        (address) => [address, address],
      );
      const codes = await Promise.all(
        guesses.map((address) =>
          outcome(signIn(deps.db, deps, { email: person.email, password: 'guess' }, address)),
        ),
      );
      expect(tally(codes)).toEqual({
        invalid_credentials: SIGN_IN_PER_ACCOUNT.freeAttempts - 1,
        too_many_attempts: guesses.length - SIGN_IN_PER_ACCOUNT.freeAttempts + 1,
      });

      // The owner's usual address is never slowed by the account-wide counter.
      expect(
        await outcome(signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, home)),
      ).toBe('ok');
      // From an address never used before, the owner waits a little (a minute here, 15 at most)…
      const travelling = client('192.0.2.77');
      const refused = await signIn(
        deps.db,
        deps,
        { email: person.email, password: TEST_PASSWORD },
        travelling,
      ).catch((e: unknown) => e as AppError);
      expect(refused).toMatchObject({ code: 'too_many_attempts', params: { minutes: 1 } });
      deps.clock.advance(61_000);
      // …and is then let in.
      expect(
        await outcome(signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, travelling)),
      ).toBe('ok');
    });

    it('never makes a new address wait more than 15 minutes however long the flood lasts', async () => {
      deps.clock.set(TEST_NOW);
      const person = await buildPerson(deps);
      let next = 0;
      const flood = async () => {
        for (let i = 0; i < 25; i++) {
          next += 1;
          const address = client(`100.64.${next >> 8}.${next & 255}`);
          await outcome(signIn(deps.db, deps, { email: person.email, password: 'guess' }, address));
        }
      };
      let longest = 0;
      for (let round = 0; round < 8; round++) {
        await flood();
        const error = await signIn(
          deps.db,
          deps,
          { email: person.email, password: TEST_PASSWORD },
          client('192.0.2.99'),
        )
          .then(() => null)
          .catch((e: unknown) => e as AppError);
        const minutes = Number(error?.params.minutes ?? 0);
        longest = Math.max(longest, minutes);
        deps.clock.advance(minutes * 60_000 + 1000);
      }
      expect(longest).toBe(SIGN_IN_PER_ACCOUNT.maxLockMs / 60_000);
      expect(
        await outcome(
          signIn(deps.db, deps, { email: person.email, password: TEST_PASSWORD }, client('192.0.2.99')),
        ),
      ).toBe('ok');
    });
  });
}
