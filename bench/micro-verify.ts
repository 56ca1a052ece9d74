/**
 * Timing of the pieces of a posted-credential verification, in process (issue 16, "Performance"): what one
 * VC-JWT and one Data Integrity verification cost, piece by piece, against raw signature checks.
 *
 *   npx tsx bench/micro-verify.ts [--times 2000]
 */

import { verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { signDataIntegrity, signVcJwt } from '../src/modules/credentials/issuing/sign.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { checkCredentialSchema } from '../src/modules/credentials/verifying/schema-check.js';
import { forgetProvenProofs } from '../src/modules/credentials/verifying/verify-proof.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';

const { values } = parseArgs({ options: { times: { type: 'string', default: '2000' } } });
const times = Number(values.times);

async function time(name: string, run: () => unknown, n = times) {
  for (let i = 0; i < Math.min(50, n); i++) await run();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(44)} ${((used.user + used.system) / n).toFixed(1).padStart(8)} µs of CPU`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'micro-verify-'));
const deps = await createDeps(
  loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', VERIFY_WORKERS: '0' }),
);
try {
  const issuer = await loadIssuer(deps.db, deps);
  const unsigned = sampleCredential('certificate-of-achievement');
  unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
  const di = await signDataIntegrity(unsigned, issuer.keyring, issuer.documentLoader);
  const ed = await signVcJwt(unsigned, issuer.keyring, 'EdDSA');
  const rs = await signVcJwt(unsigned, issuer.keyring, 'RS256');
  const split = (jwt: string) => {
    const dot = jwt.lastIndexOf('.');
    return [Buffer.from(jwt.slice(0, dot)), Buffer.from(jwt.slice(dot + 1), 'base64url')] as const;
  };
  const [edInput, edSig] = split(ed);
  const [rsInput, rsSig] = split(rs);
  await time('raw Ed25519 verify', () => verify(null, edInput, issuer.keyring.ed25519.publicKey, edSig));
  await time('raw RSA-SHA256 verify', () => verify('sha256', rsInput, issuer.keyring.rsa.publicKey, rsSig));
  await time('jose decodeJwt', () => decodeJwt(rs));
  await time('JSON.parse(JSON.stringify(credential))', () => JSON.parse(JSON.stringify(di)));
  await time('schema check (OB)', () => checkCredentialSchema(di as Record<string, unknown>));
  await time('ours: EdDSA VC-JWT', () => verifySubmittedCredential(deps.db, deps, ed));
  await time('ours: RS256 VC-JWT', () => verifySubmittedCredential(deps.db, deps, rs));
  await time('ours: EdDSA VC-JWT, as a new string each time', () =>
    verifySubmittedCredential(deps.db, deps, `${ed} `.trim()),
  );
  await time('ours: Data Integrity, seen before', () => verifySubmittedCredential(deps.db, deps, di));
  await time(
    'ours: Data Integrity, first time',
    () => {
      forgetProvenProofs();
      return verifySubmittedCredential(deps.db, deps, di);
    },
    Math.ceil(times / 20),
  );
} finally {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
