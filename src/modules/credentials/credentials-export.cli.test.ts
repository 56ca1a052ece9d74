import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate } from '../../../test/helpers/credential-factories.js';
import { createDeps } from '../../bootstrap.js';
import { loadConfig } from '../../config.js';
import type { Deps } from '../../deps.js';
import { memoryMailer } from '../../integrations/mail.js';
import { systemActor } from '../../kernel/actor.js';
import { fixedClock } from '../../kernel/clock.js';
import { revokeCredential } from './status/revoke-credential.js';

/**
 * `diploma credentials export` then `diploma credentials verify`, as an operator runs them: the real
 * command line in a child process, over a SQLite database file and a DATA_DIR of its own.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('diploma credentials export and verify (the command line)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-cli-'));
  const out = join(dataDir, 'export');
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, 'diploma.sqlite'),
    BASE_URL: 'https://diploma.example.org',
    LOG_LEVEL: 'silent' as const,
    ISSUER_ED25519_PRIVATE_KEY: '',
    ISSUER_RSA_PRIVATE_KEY: '',
  };
  let valid: { id: string; jwt: string };
  let revoked: string;

  const diploma = (args: string[], input?: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/diploma.js'), ...args], {
      cwd: ROOT,
      env,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    const deps = (await createDeps(loadConfig(env), {
      clock: fixedClock('2026-11-28T10:00:00.000Z'),
      mailer: memoryMailer(),
    })) as Deps & { close(): Promise<void> };
    try {
      const first = await issuedCertificate(deps);
      const second = await issuedCertificate(deps);
      await revokeCredential(deps.db, deps, systemActor('test'), second.credential.id, {
        reason: 'other',
        note: 'test',
      });
      valid = { id: first.credential.id, jwt: first.credential.jwt_rs256 };
      revoked = second.credential.id;
    } finally {
      await deps.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exports every credential with its JWTs, the status lists and the issuer keys', () => {
    const result = diploma(['credentials', 'export', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 credentials');
    for (const file of [
      `credentials/${valid.id}.json`,
      `credentials/${valid.id}.rs256.jwt`,
      `credentials/${valid.id}.eddsa.jwt`,
      `credentials/${revoked}.json`,
      'status-lists/revocation.json',
      'status-lists/suspension.json',
      'did.json',
      'jwks.json',
      'index.json',
    ])
      expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, `credentials/${valid.id}.rs256.jwt`), 'utf8').trim()).toBe(valid.jwt);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).issuer).toBe(
      'did:web:diploma.example.org',
    );
    expect(diploma(['credentials', 'export']).status).toBe(2);
  }, 180_000);

  it('verifies the exported files offline: 0 valid, 1 revoked or tampered, 2 unreadable', () => {
    const offline = [
      '--did-document',
      join(out, 'did.json'),
      '--status-list',
      join(out, 'status-lists/revocation.json'),
    ];
    const ok = diploma(['credentials', 'verify', join(out, `credentials/${valid.id}.json`), ...offline]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, kind: 'data-integrity' });
    expect(JSON.parse(ok.stdout).checks.find((c: { id: string }) => c.id === 'status').message).toBe('ok');
    const jwt = diploma([
      'credentials',
      'verify',
      join(out, `credentials/${valid.id}.eddsa.jwt`),
      ...offline,
    ]);
    expect(jwt.status, jwt.stderr).toBe(0);

    const revokedRun = diploma([
      'credentials',
      'verify',
      join(out, `credentials/${revoked}.json`),
      ...offline,
    ]);
    expect(revokedRun.status).toBe(1);
    expect(JSON.parse(revokedRun.stdout).checks.find((c: { id: string }) => c.id === 'status').message).toBe(
      'revoked',
    );

    const tampered = JSON.parse(readFileSync(join(out, `credentials/${valid.id}.json`), 'utf8'));
    tampered.validFrom = '2020-01-01T00:00:00Z';
    const tamperedFile = join(dataDir, 'tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered));
    expect(diploma(['credentials', 'verify', tamperedFile, ...offline]).status).toBe(1);

    const unreadable = diploma(['credentials', 'verify', '-'], 'this is not a credential');
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/neither a credential/);
    expect(diploma(['credentials', 'verify', join(dataDir, 'missing.json')]).status).toBe(2);
  }, 180_000);
});
