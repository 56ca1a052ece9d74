/**
 * The worker pool certificates are signed in when many are issued at once (`issueCourseCredentials`):
 * `SIGN_WORKERS` threads (default: one per core; 0 signs in-process, as tests do). Signing is the CPU-bound
 * part of issuance (about 3 ms a certificate); the threads take it while the main thread keeps to the
 * database. The queue is bounded by the batches themselves (one batch of jobs at a time per runner).
 */
import { Piscina } from 'piscina';
import { workerModule } from '../../../kernel/worker-module.js';
import type { IssuerContext } from '../keys/issuer.js';
import type { UnsignedCredential } from './achievement-credential.js';
import { signForms } from './sign-forms.js';
import runSignTask, { type SignedTexts, type SignTask } from './sign-worker.js';

let pool: Piscina | null = null;

function poolOf(threads: number): Piscina {
  pool ??= new Piscina({
    // TypeScript run by tsx from the sources, JavaScript from the build.
    ...workerModule(import.meta.url, 'sign-worker'),
    // No thread kept while idle: each holds a V8 heap and the JSON-LD and signing libraries (about 50 MB
    // resident); a burst starts them again (tens of milliseconds) and they end a minute after the last task.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return pool;
}

/** Signs `unsigned` in every stored form on `threads` worker threads (0: in-process). */
export async function signInPool(
  issuer: IssuerContext,
  unsigned: UnsignedCredential,
  now: Date,
  threads: number,
): Promise<SignedTexts> {
  if (threads <= 0) {
    const { json, jwtRs256, jwtEddsa } = await signForms(issuer, unsigned, now);
    return { json, jwtRs256, jwtEddsa };
  }
  const { ed25519, rsa } = issuer.keyring;
  const task: SignTask = {
    unsigned,
    // The private keys are non-enumerable on the keyring: named here, they are cloned to the thread.
    keys: {
      ed25519: { kid: ed25519.kid, privateKey: ed25519.privateKey },
      rsa: { kid: rsa.kid, privateKey: rsa.privateKey },
    },
    didDocument: issuer.didDocument,
    created: now.toISOString(),
  };
  return (await poolOf(threads).run(task)) as SignedTexts;
}

/** Runs a task in-process (the worker's code; for tests comparing both). */
export const signTaskInProcess = runSignTask;

/** Stops the pool's threads (at shutdown, and after the test that starts them). */
export async function closeSigningPool(): Promise<void> {
  const running = pool;
  pool = null;
  await running?.destroy();
}
