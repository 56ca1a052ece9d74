/**
 * The credentials suite's data and its issuance scenario: the demo (with its credentials, issued through
 * the jobs by `seedDemo`) and enough synthetic candidates (`seedScale`) for N achievement results; the
 * issuance of N Certificates of Achievement through the real path (`enqueueCourseIssuance`, as the
 * pathway calls it when a result is recorded, then the `credentials.issue-course` job: facts read, the
 * credential built, a status index taken, signed as Data Integrity + RS256 and EdDSA VC-JWTs, stored,
 * audited, its PDF and email jobs queued); the machine's ceiling for it (raw Ed25519 signatures of the
 * canonical forms of the same credentials, by node:crypto); and the copies that bring the database to
 * `--credentials` rows for the verification page (see `fillCredentials`).
 */
import { sign } from 'node:crypto';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Deps } from '../src/deps.js';
import { runJobsUntilIdle } from '../src/jobs/runner.js';
import { newId } from '../src/kernel/ids.js';
import { newShortCode } from '../src/modules/credentials/credential.js';
import { findLatestStatusList, updateStatusList } from '../src/modules/credentials/credentials.repository.js';
import type { CredentialRow } from '../src/modules/credentials/credentials.tables.js';
import type { UnsignedCredential } from '../src/modules/credentials/issuing/achievement-credential.js';
import { CREDENTIAL_JOBS } from '../src/modules/credentials/issuing/credential-jobs.js';
import { CREDENTIAL_JOB_KINDS, enqueueCourseIssuance } from '../src/modules/credentials/issuing/job-kinds.js';
import { signDataIntegrity, signVcJwt } from '../src/modules/credentials/issuing/sign.js';
import { signForms } from '../src/modules/credentials/issuing/sign-forms.js';
import { type IssuerContext, loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { type ScaleReport, seedScale } from '../src/seed/scale.js';

/** Achievement results per synthetic candidate is about 1.9 (seed 42): ask for a margin more. */
const CANDIDATES_PER_CERTIFICATE = 0.6;
/** Issuance jobs run per call of the job runner (a progress line after each). */
const ISSUE_CHUNK = 1000;
/** Issued credentials whose signing is timed step by step, and whose canonical forms the ceiling signs. */
export const SIGNING_SAMPLE = 40;
/** Rows per INSERT of the copies (under SQLite's 32,766 bound parameters: 24 columns). */
const ROWS_PER_STATEMENT = 500;
/** Rows per transaction of the copies. */
const ROWS_PER_TRANSACTION = 10_000;

export const countCredentials = async (deps: Deps) =>
  Number(
    (
      await deps.db
        .selectFrom('credentials')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export interface PreparedResults {
  scale: ScaleReport;
  seedMs: number;
  /** Credentials of the demo (issued at seed time). */
  demoCredentials: number;
  /** The achievement results to certify, with no credential yet. */
  resultIds: string[];
}

/** The demo, synthetic candidates, and `count` achievement results without a certificate. */
export async function prepareResults(deps: Deps, count: number): Promise<PreparedResults> {
  const started = performance.now();
  const scale = await seedScale(deps, Math.ceil(count * CANDIDATES_PER_CERTIFICATE) + 100);
  const seedMs = performance.now() - started;
  const rows = await deps.db
    .selectFrom('results')
    .select('id')
    .where('outcome', '=', 'achievement')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials')
            .select('credentials.id')
            .whereRef('credentials.result_id', '=', 'results.id'),
        ),
      ),
    )
    .orderBy('id')
    .limit(count)
    .execute();
  if (rows.length < count) throw new Error(`bench: only ${rows.length} achievement results for ${count}`);
  return { scale, seedMs, demoCredentials: await countCredentials(deps), resultIds: rows.map((r) => r.id) };
}

export interface IssuanceResult {
  issued: number;
  /** Enqueuing the N issuance jobs (one transaction; not part of the rate). */
  enqueueMs: number;
  /** Running the N jobs. */
  issueMs: number;
  /** CPU time of this process (user + system) while they ran: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Jobs of other kinds the issuance queued (a PDF and an email per credential), not run here. */
  queuedEffects: number;
}

/** Enqueues one issuance job per result, as the pathway does, then runs them all; checks every one issued. */
export async function measureIssuance(
  deps: Deps,
  resultIds: string[],
  say: (text: string) => void,
): Promise<IssuanceResult> {
  const before = await countCredentials(deps);
  const enqueueStarted = performance.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const resultId of resultIds)
      await enqueueCourseIssuance(trx, deps.clock, { resultId, outcome: 'achievement', recordedBy: null });
  });
  const enqueueMs = performance.now() - enqueueStarted;
  const handlers = CREDENTIAL_JOBS.filter((job) => job.kind === CREDENTIAL_JOB_KINDS.issueCourse);
  let ran = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (;;) {
    const done = await runJobsUntilIdle(deps, handlers, { workerId: 'bench-issue', maxJobs: ISSUE_CHUNK });
    ran += done;
    if (done < ISSUE_CHUNK) break;
    const elapsed = (performance.now() - started) / 1000;
    say(`  ${ran} of ${resultIds.length} issued (${Math.round(ran / elapsed)}/s)`);
  }
  const issueMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const issued = (await countCredentials(deps)) - before;
  const failed = await deps.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', CREDENTIAL_JOB_KINDS.issueCourse)
    .where('status', '<>', 'succeeded')
    .execute();
  if (issued !== resultIds.length || failed.length > 0)
    throw new Error(
      `bench: ${issued} credentials issued of ${resultIds.length}; ${failed.length} jobs not done`,
    );
  const queuedEffects = (
    await deps.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', [CREDENTIAL_JOB_KINDS.renderPdf, CREDENTIAL_JOB_KINDS.mailIssued])
      .where('status', '=', 'pending')
      .execute()
  ).length;
  return { issued, enqueueMs, issueMs, cpuMs, queuedEffects };
}

/** The latest issued certificates (newest first), signed JSON parsed. */
export async function sampleIssued(deps: Deps, count: number): Promise<CredentialRow[]> {
  return deps.db
    .selectFrom('credentials')
    .selectAll()
    .where('kind', '=', 'achievement')
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
}

export interface SigningBreakdown {
  credentials: number;
  /** Median ms per credential of each step, on the sample. */
  signFormsMs: number;
  dataIntegrityMs: number;
  canonicalMs: number;
  jwtRs256Ms: number;
  jwtEddsaMs: number;
  /** The ceiling: raw Ed25519 signatures (node:crypto) of `signatures` canonical documents. */
  signatures: number;
  rawSignMs: number;
  meanCanonicalBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function perCall<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number> {
  await run(items[0]!); // warm-up
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await run(item);
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The signing steps of issuance, timed on a sample of issued credentials (their stored JSON without the
 * proof is what was signed), and the ceiling: `signatures` raw Ed25519 signatures by node:crypto of the
 * canonical N-Quads of the sample (cycled), with the issuer's key.
 */
export async function measureSigning(
  deps: Deps,
  sample: CredentialRow[],
  signatures: number,
): Promise<SigningBreakdown> {
  const issuer: IssuerContext = await loadIssuer(deps.db, deps);
  const unsigned = sample.map((row) => {
    const { proof: _proof, ...credential } = JSON.parse(row.credential_json) as Record<string, unknown>;
    return credential as UnsignedCredential;
  });
  const now = deps.clock.now();
  const canonical: Buffer[] = [];
  const canonicalMs = await perCall(unsigned, async (credential) => {
    const text = await eddsaRdfc2022.canonize(credential, { documentLoader: issuer.documentLoader });
    if (canonical.length < unsigned.length) canonical.push(Buffer.from(text));
  });
  const signFormsMs = await perCall(unsigned, (credential) => signForms(issuer, credential, now));
  const dataIntegrityMs = await perCall(unsigned, (credential) =>
    signDataIntegrity(credential, issuer.keyring, issuer.documentLoader, { created: now }),
  );
  const jwtRs256Ms = await perCall(unsigned, (credential) => signVcJwt(credential, issuer.keyring, 'RS256'));
  const jwtEddsaMs = await perCall(unsigned, (credential) => signVcJwt(credential, issuer.keyring, 'EdDSA'));
  const key = issuer.keyring.ed25519.privateKey;
  for (const data of canonical) sign(null, data, key); // warm-up
  const started = performance.now();
  for (let i = 0; i < signatures; i++) sign(null, canonical[i % canonical.length]!, key);
  const rawSignMs = performance.now() - started;
  return {
    credentials: sample.length,
    signFormsMs,
    dataIntegrityMs,
    canonicalMs,
    jwtRs256Ms,
    jwtEddsaMs,
    signatures,
    rawSignMs,
    meanCanonicalBytes: canonical.reduce((n, b) => n + b.length, 0) / canonical.length,
  };
}

export interface FillResult {
  copies: number;
  ms: number;
  total: number;
}

/**
 * Brings the database to `total` credentials for the verification page. THE SHORTCUT: signing 90,000 more
 * would take 20 minutes, so each extra row is a copy of an issued certificate (cycling over `sources`)
 * with its own id, short code and status index: the signed JSON's `id` (which contains the credential id)
 * and `statusListIndex` are rewritten, so its proof no longer verifies (the page does not verify proofs:
 * it reads the stored JSON and the row's status); the JWTs are the source's, byte for byte (same sizes);
 * no result (the unique index allows one live certificate per result), no audit event, no jobs. Written
 * in batches, and the status list's counter moved past the indexes taken.
 */
export async function fillCredentials(
  deps: Deps,
  sources: CredentialRow[],
  total: number,
): Promise<FillResult> {
  const started = performance.now();
  const existing = await countCredentials(deps);
  const copies = Math.max(0, total - existing);
  if (copies === 0) return { copies, ms: 0, total: existing };
  const list = await findLatestStatusList(deps.db, 'revocation');
  if (list?.list_number !== 0 || list.next_index + copies > list.size)
    throw new Error('bench: the copies must fit the first status list');
  const codes = new Set(
    (await deps.db.selectFrom('credentials').select('short_code').execute()).map((r) => r.short_code),
  );
  const uniqueCode = () => {
    for (;;) {
      const code = newShortCode();
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };
  const at = deps.clock.now().toISOString();
  let index = list.next_index;
  for (let done = 0; done < copies; ) {
    const size = Math.min(ROWS_PER_TRANSACTION, copies - done);
    const rows: CredentialRow[] = [];
    for (let i = 0; i < size; i++) {
      const source = sources[(done + i) % sources.length]!;
      const id = newId();
      const credential = JSON.parse(source.credential_json.split(source.id).join(id)) as {
        credentialStatus: { statusListIndex: string };
      };
      credential.credentialStatus.statusListIndex = String(index);
      rows.push({
        ...source,
        id,
        short_code: uniqueCode(),
        result_id: null,
        status_index: index,
        credential_json: JSON.stringify(credential),
        pdf_key: null,
        issued_at: at,
        updated_at: at,
      });
      index += 1;
    }
    await deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
        await trx
          .insertInto('credentials')
          .values(rows.slice(i, i + ROWS_PER_STATEMENT))
          .execute();
    });
    done += size;
  }
  await updateStatusList(deps.db, list.id, { next_index: index });
  return { copies, ms: performance.now() - started, total: await countCredentials(deps) };
}
