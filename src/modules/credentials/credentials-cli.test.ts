import { describe, expect, it } from 'vitest';
import {
  type CredentialsCommandIo,
  EXIT_INVALID,
  EXIT_UNREADABLE,
  EXIT_VALID,
  runCredentialsVerifyCommand,
} from './credentials-cli.js';
import {
  sampleCredential,
  TEST_BASE_URL,
  TEST_DID,
  testDocumentLoader,
  testKeyring,
} from './credentials-fixtures.js';
import { signDataIntegrity, signVcJwt } from './issuing/sign.js';
import { didDocument } from './keys/issuer-documents.js';
import { buildStatusListCredential, createBitstring, encodeList, setBit } from './status/status-list.js';

const NOW = new Date('2027-03-01T12:00:00Z');
const created = new Date('2026-12-01T09:00:00Z');

async function fixtures() {
  const keyring = await testKeyring();
  const loader = testDocumentLoader(keyring);
  const credential = await signDataIntegrity(
    sampleCredential('certificate-of-achievement'),
    keyring,
    loader,
    { created },
  );
  const bits = createBitstring();
  setBit(bits, 41);
  const list = await signDataIntegrity(
    buildStatusListCredential({
      id: `${TEST_BASE_URL}/status/revocation/1`,
      issuer: TEST_DID,
      purpose: 'revocation',
      encodedList: encodeList(bits),
      validFrom: '2026-12-01T09:00:00Z',
    }) as unknown as Record<string, unknown>,
    keyring,
    loader,
    { created },
  );
  return { keyring, credential, list, jwt: await signVcJwt(sampleCredential('diploma'), keyring, 'RS256') };
}

async function run(args: string[], files: Record<string, string>, stdin = '', local = true) {
  const { keyring } = await fixtures();
  const out: string[] = [];
  const err: string[] = [];
  const io: CredentialsCommandIo = {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    readStdin: async () => stdin,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    now: () => NOW,
    localIssuer: async () => (local ? didDocument(keyring, TEST_DID) : null),
  };
  const code = await runCredentialsVerifyCommand(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('diploma credentials verify', () => {
  it('prints the checks as JSON and exits 0 for a valid credential (status unknown without a list)', async () => {
    const { credential } = await fixtures();
    const result = await run(['cert.json'], { 'cert.json': JSON.stringify(credential) });
    expect(result.code).toBe(EXIT_VALID);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ valid: true, kind: 'data-integrity' });
    expect(printed.checks.find((check: { id: string }) => check.id === 'status')).toMatchObject({
      ok: true,
      message: 'unknown',
    });
    expect(printed).not.toHaveProperty('credential');
  });

  it('reads a JWT from standard input', async () => {
    const { jwt } = await fixtures();
    const result = await run(['-'], {}, `${jwt}\n`);
    expect(result.code).toBe(EXIT_VALID);
    expect(JSON.parse(result.stdout).kind).toBe('jwt');
  });

  it('exits 1 when the credential is revoked in a given (signed) status list', async () => {
    const { credential, list } = await fixtures();
    const result = await run(['cert.json', '--status-list', 'list.json'], {
      'cert.json': JSON.stringify(credential),
      'list.json': JSON.stringify(list),
    });
    expect(result.code).toBe(EXIT_INVALID);
    expect(JSON.parse(result.stdout).checks[2]).toMatchObject({
      id: 'status',
      ok: false,
      message: 'revoked',
    });
  });

  it('uses a DID document file when DATA_DIR has no keys; without any, the issuer and key are unknown', async () => {
    const { credential, keyring } = await fixtures();
    const files = {
      'cert.json': JSON.stringify(credential),
      'did.json': JSON.stringify(didDocument(keyring, TEST_DID)),
    };
    expect((await run(['cert.json', '--did-document', 'did.json'], files, '', false)).code).toBe(EXIT_VALID);
    const unknown = await run(['cert.json'], files, '', false);
    expect(unknown.code).toBe(EXIT_INVALID);
    expect(JSON.parse(unknown.stdout).checks.map((check: { message: string }) => check.message)).toContain(
      'unknown_key',
    );
  });

  it('exits 2 on unreadable input or bad arguments, with one line on stderr', async () => {
    for (const [args, files] of [
      [['missing.json'], {}],
      [['garbage.txt'], { 'garbage.txt': 'hello world' }],
      [[], {}],
      [['a.json', '--frobnicate', 'x'], { 'a.json': '{}' }],
      [['a.json', '--now', 'yesterday'], { 'a.json': '{}' }],
    ] as Array<[string[], Record<string, string>]>) {
      const result = await run(args, files);
      expect(result.code).toBe(EXIT_UNREADABLE);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd()).not.toContain('\n');
    }
  });
});
