/**
 * In-process measures of the credentials suite (no HTTP): PDF generation (`measurePdfThroughput` of
 * src/modules/credentials/pdf/pdf-bench.ts) against a minimal pdf-lib page; verification of posted
 * credentials by our verifier (`verifySubmittedCredential`, what `POST /credentials/verify` and the
 * paste/upload page run: schema, proof, status from the database, validity, issuer) against the reference
 * library used naively (`@digitalbazaar/vc` `verifyCredential` alone), and of VC-JWTs against raw
 * node:crypto signature checks of the same tokens.
 */
import { type KeyObject, verify } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Deps } from '../src/deps.js';
import type { CredentialRow } from '../src/modules/credentials/credentials.tables.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { measurePdfThroughput, type PdfThroughput } from '../src/modules/credentials/pdf/pdf-bench.js';
import { didDocumentEntries } from '../src/modules/credentials/verifying/document-loader.js';
import { forgetProvenProofs } from '../src/modules/credentials/verifying/verify-proof.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';
import { freshJwts, measureNewTokens } from './jwt-new-tokens.js';
import { naiveVerifier } from './naive-verify-worker.mjs';

/** VC-JWTs signed for the "never seen before" measures, per algorithm (each verified once). */
const NEW_TOKENS = 2000;

/** Calls per second of `run` over `seconds` (after a few warm-up calls), sequentially awaited. */
export async function rate<T>(items: T[], seconds: number, run: (item: T) => Promise<unknown> | unknown) {
  for (const item of items.slice(0, 3)) await run(item);
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    await run(items[count % items.length]!);
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

export interface PdfFigures {
  scenarios: PdfThroughput[];
  /** The ceiling: a minimal one-page A4 landscape pdf-lib document (standard font, four lines), saved. */
  ceilingPerSecond: number;
  ceilingKilobytes: number;
}

async function minimalPdf(name: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([841.89, 595.28]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of Achievement', { x: 72, y: 480, size: 32, font });
  page.drawText(name, { x: 72, y: 400, size: 28, font });
  page.drawText('Labour migration: policies and practice', { x: 72, y: 340, size: 18, font });
  page.drawText('30 November 2026', { x: 72, y: 300, size: 14, font });
  return doc.save({ useObjectStreams: true });
}

/** Our PDFs (every scenario of pdf-bench.ts) and the bare pdf-lib ceiling, `seconds` each. */
export async function measurePdfs(seconds: number): Promise<PdfFigures> {
  const scenarios = await measurePdfThroughput(seconds);
  const names = ['José Ñúñez', 'Marie-Hélène Dubois', 'Ana Pérez', 'François Côté'];
  let bytes = 0;
  let made = 0;
  const ceilingPerSecond = await rate(names, seconds, async (name) => {
    bytes += (await minimalPdf(name)).byteLength;
    made += 1;
  });
  return { scenarios, ceilingPerSecond, ceilingKilobytes: bytes / made / 1024 };
}

export interface VerifyFigures {
  samples: number;
  /** Verifications per second. */
  ours: { dataIntegrity: number; jwtEddsa: number; jwtRs256: number };
  /** Ours on credentials never verified before (the memo of judged proofs emptied before each call). */
  oursFirstDataIntegrity: number;
  /**
   * The library alone on the same Data Integrity credentials, in a worker thread: jsonld as published (the
   * ceiling of the figure).
   */
  naiveDataIntegrity: number;
  /** The same in this process, where jsonld shares active contexts (shared-active-contexts.ts): for reference. */
  naiveSharedDataIntegrity: number;
  /**
   * Ours on VC-JWTs never seen before: NEW_TOKENS distinct certificates signed for the measure, each
   * verified once (jwt-new-tokens.ts), per second of wall time.
   */
  oursFirstJwtEddsa: number;
  oursFirstJwtRs256: number;
  /** node:crypto checking the signatures of those same new tokens, interleaved with ours (their ceiling). */
  rawFirstEd25519: number;
  rawFirstRs256: number;
  /** node:crypto checking the same JWT signatures (signing input and signature split from the token). */
  rawEd25519: number;
  rawRs256: number;
}

type Json = Record<string, unknown>;

/** The reference library's verifications per second, measured in a worker thread (naive-verify-worker.mjs). */
export function naiveRateInWorker(credentials: Json[], documents: Array<[string, object]>, seconds: number) {
  return new Promise<number>((resolve, reject) => {
    const worker = new Worker(new URL('./naive-verify-worker.mjs', import.meta.url), {
      workerData: { credentials, documents, seconds },
    });
    worker.once('message', (rate: number) => {
      resolve(rate);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function splitJwt(jwt: string) {
  const dot = jwt.lastIndexOf('.');
  return { input: Buffer.from(jwt.slice(0, dot)), signature: Buffer.from(jwt.slice(dot + 1), 'base64url') };
}

/** Verifications per second of each kind over `seconds`, on `rows` (issued certificates, cycled). */
export async function measureVerification(
  deps: Deps,
  rows: CredentialRow[],
  seconds: number,
): Promise<VerifyFigures> {
  const issuer = await loadIssuer(deps.db, deps);
  const credentials = rows.map((row) => JSON.parse(row.credential_json) as Json);
  // In process (no worker pool): the work itself, and the memos the "first time" measures empty are here.
  const here = { ...deps, config: { ...deps.config, verifyWorkers: 0 } };
  const ours = async (input: Json | string) => {
    const result = await verifySubmittedCredential(deps.db, here, input);
    if (!result.valid)
      throw new Error(`bench: our verifier rejected an issued credential: ${JSON.stringify(result.checks)}`);
  };
  const documents = didDocumentEntries(issuer.didDocument);
  const naiveHere = naiveVerifier(documents);
  const ed25519 = issuer.keyring.ed25519.publicKey;
  const rsa = issuer.keyring.rsa.publicKey;
  const edTokens = rows.map((row) => splitJwt(row.jwt_eddsa));
  const rsaTokens = rows.map((row) => splitJwt(row.jwt_rs256));
  /** Ours on tokens never seen before, against raw checks of the same tokens (interleaved). */
  const neverSeen = async (alg: 'EdDSA' | 'RS256') => {
    const timing = await measureNewTokens(
      await freshJwts(issuer, alg, NEW_TOKENS),
      alg,
      alg === 'EdDSA' ? ed25519 : rsa,
      ours,
    );
    return { ours: 1e6 / timing.ours.wallUs, raw: 1e6 / timing.raw.wallUs };
  };
  const raw = (algorithm: 'sha256' | null, key: KeyObject) => (token: ReturnType<typeof splitJwt>) => {
    if (!verify(algorithm, token.input, key, token.signature)) throw new Error('bench: raw verify failed');
  };
  return {
    samples: rows.length,
    ours: {
      dataIntegrity: await rate(credentials, seconds, ours),
      jwtEddsa: await rate(
        rows.map((row) => row.jwt_eddsa),
        seconds,
        ours,
      ),
      jwtRs256: await rate(
        rows.map((row) => row.jwt_rs256),
        seconds,
        ours,
      ),
    },
    oursFirstDataIntegrity: await rate(credentials, seconds, async (input) => {
      forgetProvenProofs();
      await ours(input);
    }),
    naiveDataIntegrity: await naiveRateInWorker(credentials, documents, seconds),
    naiveSharedDataIntegrity: await rate(credentials, seconds, naiveHere),
    ...(await neverSeen('EdDSA').then((r) => ({ oursFirstJwtEddsa: r.ours, rawFirstEd25519: r.raw }))),
    ...(await neverSeen('RS256').then((r) => ({ oursFirstJwtRs256: r.ours, rawFirstRs256: r.raw }))),
    rawEd25519: await rate(edTokens, seconds, raw(null, ed25519)),
    rawRs256: await rate(rsaTokens, seconds, raw('sha256', rsa)),
  };
}
