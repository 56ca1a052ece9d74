import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { buildApp } from '../../app.js';
import { createDeps } from '../../bootstrap.js';
import { loadConfig } from '../../config.js';
import { memoryMailer } from '../../integrations/mail.js';
import { listAuditEvents } from '../../kernel/audit.js';

/**
 * `diploma accounts token`, as an operator or a script runs it: the real command line in a child process
 * over a SQLite database file; the printed token is then used against the API.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('diploma accounts token (the command line)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-accounts-cli-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, 'diploma.sqlite'),
    BASE_URL: 'https://diploma.example.org',
    LOG_LEVEL: 'info' as const,
  };
  let person: TestPerson;
  let disabled: TestPerson;

  const diploma = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/diploma.js'), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  const open = () => createDeps(loadConfig(env), { mailer: memoryMailer() });

  beforeAll(async () => {
    const deps = await open();
    try {
      person = await buildPerson(deps, { roles: ['manager'] });
      disabled = await buildPerson(deps);
      await deps.db
        .updateTable('users')
        .set({ disabled_at: new Date().toISOString() })
        .where('id', '=', disabled.id)
        .execute();
    } finally {
      await deps.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a new token and nothing else; the token opens the API as that person', {
    timeout: 90_000,
  }, async () => {
    const result = diploma([
      'accounts',
      'token',
      '--email',
      person.email.toUpperCase(),
      '--name',
      'nightly export',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^dp_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{40,}\n$/);
    const token = result.stdout.trim();

    const deps = await open();
    const app = await buildApp(deps, { logger: false });
    try {
      const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: person.id, email: person.email, roles: ['manager'] });
      const tokens = await deps.db
        .selectFrom('api_tokens')
        .select(['name', 'revoked_at'])
        .where('user_id', '=', person.id)
        .execute();
      expect(tokens).toEqual([{ name: 'nightly export', revoked_at: null }]);
      const audit = await listAuditEvents(deps.db, 'user', person.id);
      expect(audit.find((a) => a.action === 'api-token.created')).toMatchObject({
        actorId: null,
        after: { name: 'nightly export' },
      });
    } finally {
      await app.close();
      await deps.close();
    }
    // Each run makes a new token.
    const second = diploma(['accounts', 'token', '--email', person.email, '--name', 'another']);
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).not.toBe(token);
  });

  // Each run of the command starts tsx (a few seconds on a busy machine).
  it('exits 2 with one line on standard error for an unknown or disabled account, or wrong arguments', {
    timeout: 180_000,
  }, () => {
    for (const args of [
      ['accounts', 'token', '--email', disabled.email, '--name', 'x'],
      ['accounts', 'token', '--email', person.email],
      ['accounts', 'token', '--email', 'not an address', '--name', 'x'],
      ['accounts', 'token', '--email', person.email, '--name', ' '],
      ['accounts', 'token', '--email', person.email, '--name', 'x', '--admin'],
      ['accounts'],
    ]) {
      const result = diploma(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr.split('\n'), args.join(' ')).toHaveLength(2); // one line and its newline
    }
    const unknown = diploma(['accounts', 'token', '--email', 'nobody@example.org', '--name', 'x']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('No account has the email address nobody@example.org.\n');
  });

  it('is listed in the command’s help', () => {
    const help = diploma(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('diploma accounts token --email EMAIL --name NAME');
  });
});
