/**
 * Data Integrity verification of credentials seen for the first time against the reference library used
 * naively (issue 16, "Performance": ≥ 3×), alone: `--samples` sample certificates signed `eddsa-rdfc-2022`
 * by a fresh issuer; per round, ours (`verifySubmittedCredential` in process, the memo of judged proofs
 * emptied before every call: schema, proof, status, validity, issuer) for `--seconds`, then the library
 * (`@digitalbazaar/vc` `verifyCredential`, in a worker thread: jsonld as published) for as long, alternated.
 * Reports each round and the median ratio.
 *
 *   npx tsx bench/di-verify-ratio.ts [--samples 20] [--seconds 5] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { signDataIntegrity } from '../src/modules/credentials/issuing/sign.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { didDocumentEntries } from '../src/modules/credentials/verifying/document-loader.js';
import { forgetProvenProofs } from '../src/modules/credentials/verifying/verify-proof.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';
import { naiveRateInWorker, rate } from './credentials-measures.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'di-verify-ratio-'));
const deps = await createDeps(
  loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', VERIFY_WORKERS: '0' }),
);
try {
  const issuer = await loadIssuer(deps.db, deps);
  const credentials: Array<Record<string, unknown>> = [];
  for (let serial = 1; serial <= Number(values.samples); serial++) {
    const unsigned = sampleCredential('certificate-of-achievement', serial);
    unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
    credentials.push(await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader));
  }
  const ours = async (credential: Record<string, unknown>) => {
    forgetProvenProofs();
    const result = await verifySubmittedCredential(deps.db, deps, credential);
    if (!result.valid) throw new Error(`bench: not verified: ${JSON.stringify(result.checks)}`);
  };
  const documents = didDocumentEntries(issuer.didDocument);
  const ratios: number[] = [];
  for (let round = 1; round <= Number(values.rounds); round++) {
    const load = loadavg()[0]!.toFixed(1);
    const oursRate = await rate(credentials, seconds, ours);
    const naiveRate = await naiveRateInWorker(credentials, documents, seconds);
    ratios.push(oursRate / naiveRate);
    console.log(
      `round ${round} (load ${load}): ours ${oursRate.toFixed(1)}/s, the library ${naiveRate.toFixed(1)}/s: ` +
        `ratio ${(oursRate / naiveRate).toFixed(2)}`,
    );
  }
  console.log(`Data Integrity, first time: median ratio ${median(ratios).toFixed(2)}`);
} finally {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
