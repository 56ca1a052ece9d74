import type { Executor } from '../../../db/database.js';
import type { Clock } from '../../../kernel/clock.js';
import {
  clearThrottle,
  isKnownSignInAddress,
  rememberSignInAddress,
} from '../passwords/password-credentials.repository.js';
import { type BackOffPolicy, DEFAULT_BACK_OFF, reserveAttempt, tooManyAttempts } from './throttle.js';

/**
 * The back-off of sign-in and of password-reset mail, designed so that a guesser is slowed while the
 * account's owner is not locked out (docs/operations.md § Sign-in back-off):
 *
 * - per (account, client address): 5 attempts, then 1, 2, 4 … minutes up to an hour. Only the guesser's
 *   own address is slowed; a correct password from that address clears it.
 * - per account, from every address that has not signed in to it recently: 20 attempts, then 1, 2, 4 …
 *   minutes, capped at 15. A flood from many addresses slows unknown addresses, never blocks for long,
 *   and never touches an address the owner signed in from in the last 60 days.
 *
 * Every attempt is counted before the password is checked, in one atomic statement, so parallel guesses
 * each get their own number and no more than the free attempts are ever checked. Accounts are keyed by the
 * email typed, so an unknown address backs off exactly like a known one (nothing to enumerate).
 */

const MINUTE = 60_000;

/** Per (account, client address). */
export const SIGN_IN_PER_ADDRESS: BackOffPolicy = DEFAULT_BACK_OFF;
/** Per account, from addresses that have not signed in to it recently. */
export const SIGN_IN_PER_ACCOUNT: BackOffPolicy = {
  freeAttempts: 20,
  firstLockMs: MINUTE,
  maxLockMs: 15 * MINUTE,
};
/** An address that signed in successfully this recently is the owner's: the account counter never slows it. */
export const KNOWN_ADDRESS_MS = 60 * 24 * 60 * MINUTE;

/** Reset requests per client address, whatever the accounts (checked before answering). */
export const RESET_REQUESTS_PER_ADDRESS: BackOffPolicy = {
  freeAttempts: 10,
  firstLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
};
/** Reset mails per (account, requesting address) (checked by the job, after the answer). */
export const RESET_MAILS_PER_ADDRESS: BackOffPolicy = {
  freeAttempts: 3,
  firstLockMs: 5 * MINUTE,
  maxLockMs: 60 * MINUTE,
};
/** Reset mails per account, from addresses that have not signed in to it recently. */
export const RESET_MAILS_PER_ACCOUNT: BackOffPolicy = {
  freeAttempts: 10,
  firstLockMs: 5 * MINUTE,
  maxLockMs: 60 * MINUTE,
};

export const signInKey = (email: string) => `sign-in:${email}`;
const signInAddressKey = (email: string, address: string) => `${signInKey(email)}|${address}`;
export const resetRequestKey = (address: string) => `password-reset-from:${address}`;
const resetMailKey = (email: string) => `password-reset:${email}`;
const resetMailAddressKey = (email: string, address: string) => `${resetMailKey(email)}|${address}`;

function knownSince(clock: Clock): string {
  return new Date(clock.now().getTime() - KNOWN_ADDRESS_MS).toISOString();
}

/**
 * Counts one attempt of `policies` for an account from an address (the per-address counter, then the
 * account's, which an address the account recently signed in from skips). Returns the wait when refused.
 */
async function reserve(
  db: Executor,
  clock: Clock,
  email: string,
  address: string,
  keys: { perAddress: string; perAccount: string },
  policies: { perAddress: BackOffPolicy; perAccount: BackOffPolicy },
): Promise<number | null> {
  const own = await reserveAttempt(db, clock, keys.perAddress, policies.perAddress);
  if (!own.allowed) return own.waitMs;
  if (await isKnownSignInAddress(db, { email, address, since: knownSince(clock) })) return null;
  const account = await reserveAttempt(db, clock, keys.perAccount, policies.perAccount);
  return account.allowed ? null : account.waitMs;
}

/** Counts a sign-in attempt before the password is checked; throws too_many_attempts when it must wait. */
export async function reserveSignInAttempt(
  db: Executor,
  clock: Clock,
  email: string,
  address: string,
): Promise<void> {
  const waitMs = await reserve(
    db,
    clock,
    email,
    address,
    { perAddress: signInAddressKey(email, address), perAccount: signInKey(email) },
    { perAddress: SIGN_IN_PER_ADDRESS, perAccount: SIGN_IN_PER_ACCOUNT },
  );
  if (waitMs !== null) throw tooManyAttempts(waitMs);
}

/** After a correct password: the address's counter is cleared and the address is remembered as the owner's. */
export async function recordSignInSuccess(
  db: Executor,
  clock: Clock,
  input: { email: string; userId: string; address: string },
): Promise<void> {
  await clearThrottle(db, signInAddressKey(input.email, input.address));
  await rememberSignInAddress(db, {
    userId: input.userId,
    address: input.address,
    at: clock.now().toISOString(),
    forgetBefore: knownSince(clock),
  });
}

/** Counts a reset request from an address, whatever the account; throws too_many_attempts when it must wait. */
export async function reserveResetRequest(db: Executor, clock: Clock, address: string): Promise<void> {
  const reservation = await reserveAttempt(db, clock, resetRequestKey(address), RESET_REQUESTS_PER_ADDRESS);
  if (!reservation.allowed) throw tooManyAttempts(reservation.waitMs);
}

/** Counts a reset mail to an account asked from an address; false when it must not be sent now. */
export async function reserveResetMail(
  db: Executor,
  clock: Clock,
  email: string,
  address: string,
): Promise<boolean> {
  const waitMs = await reserve(
    db,
    clock,
    email,
    address,
    { perAddress: resetMailAddressKey(email, address), perAccount: resetMailKey(email) },
    { perAddress: RESET_MAILS_PER_ADDRESS, perAccount: RESET_MAILS_PER_ACCOUNT },
  );
  return waitMs === null;
}
