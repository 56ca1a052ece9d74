import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('BBB_URL and BBB_SECRET', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-bbb-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) };

  it('are optional: without them webinars use external links only', () => {
    expect(loadConfig(env).bbb).toBeNull();
  });
  it('configure BigBlueButton together', () => {
    const config = loadConfig({
      ...env,
      BBB_URL: 'https://bbb.example.org/bigbluebutton/',
      BBB_SECRET: 's3cret-s3cret',
    });
    expect(config.bbb).toEqual({ url: 'https://bbb.example.org/bigbluebutton/', secret: 's3cret-s3cret' });
  });
  it('refuse one without the other, or a URL that is not http(s)', () => {
    expect(() => loadConfig({ ...env, BBB_URL: 'https://bbb.example.org/bigbluebutton/' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...env, BBB_SECRET: 's3cret-s3cret' })).toThrow(/BBB_URL and BBB_SECRET/);
    expect(() =>
      loadConfig({ ...env, BBB_URL: 'ftp://bbb.example.org/', BBB_SECRET: 's3cret-s3cret' }),
    ).toThrow(/BBB_URL/);
  });
});
