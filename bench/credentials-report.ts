/**
 * The credentials suite's rows (`{ name, value, unit, ceiling, ratio }`, as every suite) and its markdown
 * section: issuance, PDFs, the verification page under load, verification of posted credentials.
 */
import type { FillResult, IssuanceResult, PreparedResults, SigningBreakdown } from './credentials-data.js';
import type { PdfFigures, VerifyFigures } from './credentials-measures.js';
import { seconds } from './options.js';
import {
  type BenchRow,
  loadRows,
  rateRow,
  round,
  rowsTable,
  type ScenarioResult,
  scenarioDetails,
} from './report.js';

export interface CredentialsFigures {
  prepared: PreparedResults;
  issuance: IssuanceResult;
  signing: SigningBreakdown;
  fill: FillResult;
  pdf: PdfFigures;
  verification: VerifyFigures;
  results: ScenarioResult[];
}

export interface CredentialsRun {
  /** Seconds per in-process verification measure. */
  inProcessSeconds: number;
  /** Seconds per PDF scenario. */
  pdfSeconds: number;
  verifySample: number;
}

/** PDF scenarios reported as rows (the cold-cache ones are in the details only). */
const isWarm = (name: string) => !name.includes('no memo');

export function credentialsRows(prefix: string, figures: CredentialsFigures): BenchRow[] {
  const { issuance, signing, pdf, verification: v } = figures;
  const n = issuance.issued.toLocaleString('en');
  const rawSignsPerSecond = signing.signatures / (signing.rawSignMs / 1000);
  return [
    {
      name: `${prefix}demo and ${figures.prepared.scale.candidates.toLocaleString('en')} synthetic candidates (seedScale)`,
      value: round(figures.prepared.seedMs / 1000, 1),
      unit: 's',
      ceiling: null,
      ratio: null,
    },
    rateRow(
      `${prefix}issue ${n} Certificates of Achievement through the jobs (build, sign Data Integrity + RS256 + EdDSA JWTs, status index, store, audit); ceiling: raw Ed25519 signatures of their canonical forms`,
      issuance.issued / (issuance.issueMs / 1000),
      'credentials/s',
      rawSignsPerSecond,
      1,
    ),
    rateRow(
      `${prefix}signing alone (signForms: Data Integrity proof + two JWTs), median of ${signing.credentials} issued certificates`,
      1000 / signing.signFormsMs,
      'credentials/s',
      rawSignsPerSecond,
      1,
    ),
    ...pdf.scenarios
      .filter((s) => isWarm(s.name))
      .map((s) =>
        rateRow(
          `${prefix}PDF, ${s.name}; ceiling: a minimal pdf-lib page`,
          s.pdfsPerSecond,
          'PDFs/s',
          pdf.ceilingPerSecond,
          1,
        ),
      ),
    ...loadRows(figures.results),
    rateRow(
      `${prefix}verify a posted Data Integrity credential (our verifier, 5 checks); ceiling: the library alone (verifyCredential)`,
      v.ours.dataIntegrity,
      'verifies/s',
      v.naiveDataIntegrity,
      1,
    ),
    rateRow(
      `${prefix}verify a Data Integrity credential for the first time (memo emptied); ceiling: the library alone`,
      v.oursFirstDataIntegrity,
      'verifies/s',
      v.naiveDataIntegrity,
      1,
    ),
    rateRow(
      `${prefix}verify a posted EdDSA VC-JWT (our verifier, 5 checks); ceiling: raw node:crypto Ed25519 verify`,
      v.ours.jwtEddsa,
      'verifies/s',
      v.rawEd25519,
    ),
    rateRow(
      `${prefix}verify a posted RS256 VC-JWT (our verifier, 5 checks); ceiling: raw node:crypto RSA-SHA256 verify`,
      v.ours.jwtRs256,
      'verifies/s',
      v.rawRs256,
    ),
    rateRow(
      `${prefix}verify an EdDSA VC-JWT never seen before (2,000 new tokens, each once); ceiling: raw Ed25519 verify of the same tokens, interleaved`,
      v.oursFirstJwtEddsa,
      'verifies/s',
      v.rawFirstEd25519,
    ),
    rateRow(
      `${prefix}verify an RS256 VC-JWT never seen before (2,000 new tokens, each once); ceiling: raw RSA-SHA256 verify of the same tokens, interleaved`,
      v.oursFirstJwtRs256,
      'verifies/s',
      v.rawFirstRs256,
    ),
  ];
}

const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;

export function renderCredentialsSection(input: {
  rows: BenchRow[];
  context: string[];
  figures: CredentialsFigures;
  run: CredentialsRun;
}): string {
  const { issuance, signing, pdf, verification: v, fill } = input.figures;
  const perCredential = issuance.issueMs / issuance.issued;
  const rawSign = signing.rawSignMs / signing.signatures;
  return [
    '## Credentials',
    '',
    ...input.context.map((line) => `- ${line}`),
    '',
    ...rowsTable(input.rows),
    '',
    'ratio: for rates (credentials/s, PDFs/s, req/s, verifies/s), value ÷ ceiling; for latency, ceiling p99 ÷',
    'p99: 1 = as fast as the ceiling, lower = further from it. Ceilings, measured in this run on this machine:',
    'issuance, node:crypto signing the canonical N-Quads of the same certificates with the issuer’s Ed25519 key;',
    'PDFs, pdf-lib making a one-page A4 document with a standard font; the page, the bare route at the same',
    'connection count; Data Integrity verification, `@digitalbazaar/vc` `verifyCredential` alone; VC-JWTs,',
    'node:crypto checking the same signatures.',
    '',
    '### Issuance',
    '',
    `- ${issuance.issued.toLocaleString('en')} issuance jobs enqueued by \`enqueueCourseIssuance\` (what the pathway calls when it ` +
      `records a result) in one transaction (${seconds(issuance.enqueueMs)}, not counted), then run by the job ` +
      `runner, one job and one transaction each: ${seconds(issuance.issueMs)}, ${ms(perCredential, 2)} a certificate. ` +
      `The bench process used ${seconds(issuance.cpuMs)} of CPU meanwhile ` +
      `(${round(issuance.issued / (issuance.cpuMs / 1000), 1)} credentials per CPU-second; on PostgreSQL the ` +
      'server’s own work is not in it). Each job also queued its PDF and email jobs ' +
      `(${issuance.queuedEffects.toLocaleString('en')} queued, not run: PDFs are measured below).`,
    `- Signing, median per credential on ${signing.credentials} of them: every form (\`signForms\`) ` +
      `${ms(signing.signFormsMs, 2)}: the Data Integrity proof ${ms(signing.dataIntegrityMs, 2)}, of which the RDF ` +
      `canonicalisation of the document ${ms(signing.canonicalMs, 2)} (${Math.round(signing.meanCanonicalBytes).toLocaleString('en')} ` +
      `bytes of N-Quads); the RS256 JWT ${ms(signing.jwtRs256Ms, 2)}; the EdDSA JWT ${ms(signing.jwtEddsaMs, 2)}. ` +
      `So about ${ms(Math.max(0, perCredential - signing.signFormsMs), 2)} of each job is the rest: reading the ` +
      'facts, building the credential, the status index, the inserts, the audit event, the job bookkeeping.',
    `- Ceiling: ${signing.signatures.toLocaleString('en')} raw Ed25519 signatures of those canonical documents: ` +
      `${ms(signing.rawSignMs, 0)} (${(rawSign * 1000).toFixed(1)} µs each).`,
    '',
    '### PDFs (`measurePdfThroughput`, src/modules/credentials/pdf/pdf-bench.ts)',
    '',
    '| scenario | PDFs/s | per CPU-second | size |',
    '|---|---:|---:|---:|',
    ...pdf.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.pdfsPerSecond.toFixed(1)} | ${s.pdfsPerCpuSecond.toFixed(1)} | ${Math.round(s.meanKilobytes)} KB |`,
    ),
    `| ceiling: minimal pdf-lib page (Helvetica, four lines) | ${pdf.ceilingPerSecond.toFixed(0)} | – | ${pdf.ceilingKilobytes.toFixed(1)} KB |`,
    '',
    `${input.run.pdfSeconds} s per warm scenario, rendering only (nothing stored). The "no memo" rows parse the`,
    'fonts for every PDF (what the first PDF after a start costs).',
    '',
    '### The verification page (`/verify/{id}`, anonymous)',
    '',
    ...scenarioDetails(input.figures.results),
    '',
    `The random scenario asks for a different credential of the ${fill.total.toLocaleString('en')} on every request (autocannon`,
    'builds each request anew, which costs the load generator a little more than the fixed ceiling path).',
    '',
    '### Verifying posted credentials (in process)',
    '',
    `- ${input.run.inProcessSeconds} s per measure, one verification at a time, cycling over ${v.samples} issued certificates.`,
    `- Data Integrity: \`verifySubmittedCredential\` (what \`POST /credentials/verify\` and the paste/upload page ` +
      `run: schema, proof, status and suspension from the database, validity, issuer) ${v.ours.dataIntegrity.toFixed(1)}/s ` +
      `(${ms(1000 / v.ours.dataIntegrity)}); the library alone (\`verifyCredential\` of @digitalbazaar/vc, a new ` +
      `suite per call, a static loader, proof and dates only) ${v.naiveDataIntegrity.toFixed(1)}/s ` +
      `(${ms(1000 / v.naiveDataIntegrity)}), measured in a worker thread so that its jsonld is the published one ` +
      `(in this process, where jsonld shares active contexts, the library alone does ` +
      `${v.naiveSharedDataIntegrity.toFixed(1)}/s). A credential verified before is answered from the memo of ` +
      `judged proofs (same bytes, same keys); verified for the first time, ours does ` +
      `${v.oursFirstDataIntegrity.toFixed(1)}/s (${ms(1000 / v.oursFirstDataIntegrity)}).`,
    `- VC-JWT: EdDSA ${v.ours.jwtEddsa.toFixed(0)}/s (${ms(1000 / v.ours.jwtEddsa, 2)}) against ` +
      `${v.rawEd25519.toFixed(0)}/s for node:crypto checking the signature alone; RS256 ` +
      `${v.ours.jwtRs256.toFixed(0)}/s (${ms(1000 / v.ours.jwtRs256, 2)}) against ${v.rawRs256.toFixed(0)}/s. ` +
      `A token seen twice is not decoded, schema-checked or signature-checked again (jwt-memo.ts); tokens never ` +
      `seen before (2,000 new ones, each verified once, interleaved with raw checks of the same tokens): EdDSA ` +
      `${v.oursFirstJwtEddsa.toFixed(0)}/s against ${v.rawFirstEd25519.toFixed(0)}/s raw ` +
      `(${(v.oursFirstJwtEddsa / v.rawFirstEd25519).toFixed(2)}), RS256 ${v.oursFirstJwtRs256.toFixed(0)}/s against ` +
      `${v.rawFirstRs256.toFixed(0)}/s (${(v.oursFirstJwtRs256 / v.rawFirstRs256).toFixed(2)}).`,
    '',
  ].join('\n');
}
