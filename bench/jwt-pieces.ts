/**
 * Where a new VC-JWT's verification time goes, piece by piece (issue 16, "Performance"): each piece of the
 * work `verifySubmittedCredential` does for a token never seen before, timed alone over the same distinct
 * sample certificate tokens (CPU µs per token, median of rounds), next to the raw signature checks.
 *
 *   npx tsx bench/jwt-pieces.ts [--tokens 2000] [--rounds 5]
 */
import { isUtf8 } from 'node:buffer';
import { verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { loadIssuer } from '../src/modules/credentials/keys/issuer.js';
import { credentialDataModelProblems } from '../src/modules/credentials/verifying/data-model.js';
import { checkCredentialSchema } from '../src/modules/credentials/verifying/schema-check.js';
import { verifySubmittedCredential } from '../src/modules/credentials/verifying/verify-submitted-credential.js';
import { freshJwts } from './jwt-new-tokens.js';

const { values } = parseArgs({
  options: { tokens: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } },
});
const count = Number(values.tokens);
const rounds = Number(values.rounds);
const dataDir = mkdtempSync(join(tmpdir(), 'jwt-pieces-'));
const deps = await createDeps(
  loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', VERIFY_WORKERS: '0' }),
);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

try {
  const issuer = await loadIssuer(deps.db, deps);
  const keys = { EdDSA: issuer.keyring.ed25519.publicKey, RS256: issuer.keyring.rsa.publicKey };
  for (const alg of ['EdDSA', 'RS256'] as const) {
    const results = new Map<string, number[]>();
    for (let round = 0; round < rounds + 1; round++) {
      const tokens = await freshJwts(issuer, alg, count);
      // Copies of each text, so the string hash is not cached from an earlier piece.
      const copies = () => tokens.map((t) => `${t.slice(0, 10)}${t.slice(10)}`.split('').join(''));
      const payloads = tokens.map((t) => t.split('.')[1]!);
      const texts = payloads.map((p) => Buffer.from(p, 'base64url').toString('utf8'));
      const vcs = texts.map((t) => (JSON.parse(t) as { vc: Record<string, unknown> }).vc);
      const split = tokens.map((t) => {
        const dot = t.lastIndexOf('.');
        return [Buffer.from(t.slice(0, dot)), Buffer.from(t.slice(dot + 1), 'base64url')] as const;
      });
      const pieces: Array<[string, () => unknown]> = [];
      const hashed = copies();
      pieces.push([
        'hash of the text (Map.set)',
        () => {
          const m = new Map();
          for (const t of hashed) m.set(t, 1);
        },
      ]);
      const shaped = copies();
      pieces.push([
        'shape regex',
        () => {
          for (const t of shaped) JWS.test(t);
        },
      ]);
      const scratch = Buffer.allocUnsafe(64 * 1024);
      pieces.push([
        'base64url decode + isUtf8 + toString',
        () => {
          for (const p of payloads) {
            const n = scratch.write(p, 0, 'base64url');
            const b = scratch.subarray(0, n);
            isUtf8(b);
            b.toString('utf8');
          }
        },
      ]);
      pieces.push([
        'JSON.parse of the claims',
        () => {
          for (const t of texts) JSON.parse(t);
        },
      ]);
      pieces.push([
        'data model checks',
        () => {
          for (const vc of vcs) credentialDataModelProblems(vc);
        },
      ]);
      pieces.push([
        'schema check (data model + ajv)',
        () => {
          for (const vc of vcs) checkCredentialSchema(vc);
        },
      ]);
      const digest = alg === 'EdDSA' ? null : 'sha256';
      pieces.push([
        'raw signature check',
        () => {
          for (const [i, s] of split) verify(digest, i, keys[alg], s);
        },
      ]);
      const fresh = copies();
      const whole = async () => {
        for (const t of fresh) await verifySubmittedCredential(deps.db, deps, t);
      };
      for (const [name, run] of pieces) {
        const cpu = process.cpuUsage();
        run();
        const used = process.cpuUsage(cpu);
        if (round > 0) results.set(name, [...(results.get(name) ?? []), (used.user + used.system) / count]);
      }
      const cpu = process.cpuUsage();
      await whole();
      const used = process.cpuUsage(cpu);
      if (round > 0)
        results.set('whole verification', [
          ...(results.get('whole verification') ?? []),
          (used.user + used.system) / count,
        ]);
    }
    console.log(
      `${alg} (token ${(await freshJwts(issuer, alg, 1))[0]!.length} characters), CPU µs per token, median of ${rounds}:`,
    );
    for (const [name, list] of results) console.log(`  ${name.padEnd(40)} ${median(list).toFixed(1)}`);
  }
} finally {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
