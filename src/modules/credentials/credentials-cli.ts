/**
 * `diploma credentials verify FILE|- [--did-document FILE]… [--status-list FILE]… [--known-issuer DID]…
 * [--now ISO-8601]` verifies a credential (Data Integrity JSON or VC-JWT) without the server and prints
 * `{ valid, kind, checks }` as JSON. Our issuer's public keys come from DATA_DIR/keys (through `io`) and
 * from any DID document given; the issuers of those documents are the known issuers. Status lists are
 * signed BitstringStatusListCredential files; without one, the status check says `unknown` (it passes:
 * offline, the status cannot be known, and the output says so). Exit codes: 0 valid, 1 invalid,
 * 2 unreadable input or bad arguments (with one paragraph on stderr). All I/O goes through `io`.
 */

import { issuerDidFromBaseUrl } from './keys/issuer-did.js';
import { type DidDocument, didDocumentOf } from './keys/issuer-documents.js';
import { readPublicKeys } from './keys/keys.js';
import {
  type BitstringStatusListEntry,
  isEntrySet,
  type StatusListCredential,
} from './status/status-list.js';
import { createDocumentLoader, didDocumentEntries } from './verifying/document-loader.js';
import { type StatusAnswer, type VerifyDeps, verifyCredential } from './verifying/verify.js';

/** Exit code: the credential is valid. */
export const EXIT_VALID = 0;
/** Exit code: the credential was read and is not valid. */
export const EXIT_INVALID = 1;
/** Exit code: the input could not be read, or the arguments are wrong. */
export const EXIT_UNREADABLE = 2;

/** The command's usage line. */
export const CREDENTIALS_VERIFY_USAGE =
  'Usage: diploma credentials verify FILE|- [--did-document FILE]... [--status-list FILE]... [--known-issuer DID]... [--now ISO-8601]';

/** The I/O the command uses, injected by the CLI (or a test). */
export interface CredentialsCommandIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** Our issuer's DID document from DATA_DIR/keys and BASE_URL, or null when there are no keys. */
  localIssuer(): Promise<DidDocument | null>;
}

/** `io.localIssuer` for the real CLI: the public keys under DATA_DIR/keys as the did:web of BASE_URL. */
export async function localIssuerDidDocument(dataDir: string, baseUrl: string): Promise<DidDocument | null> {
  const keys = readPublicKeys(dataDir);
  return keys?.length ? didDocumentOf(keys, issuerDidFromBaseUrl(baseUrl)) : null;
}

class InputError extends Error {}

const REPEATABLE = ['did-document', 'status-list', 'known-issuer'] as const;
type Repeatable = (typeof REPEATABLE)[number];

interface Options {
  file: string;
  didDocuments: string[];
  statusLists: string[];
  knownIssuers: string[];
  now: string | undefined;
}

function parseArgs(args: string[]): Options {
  const lists: Record<Repeatable, string[]> = { 'did-document': [], 'status-list': [], 'known-issuer': [] };
  let now: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      files.push(arg);
      continue;
    }
    const flag = match[1] ?? '';
    const value = match[2] ?? args[++index];
    if (value === undefined || value === '')
      throw new InputError(`--${flag} needs a value. ${CREDENTIALS_VERIFY_USAGE}`);
    if (flag === 'now') now = value;
    else if ((REPEATABLE as readonly string[]).includes(flag)) lists[flag as Repeatable].push(value);
    else throw new InputError(`Unknown argument "${arg}". ${CREDENTIALS_VERIFY_USAGE}`);
  }
  if (files.length !== 1)
    throw new InputError(`Give exactly one FILE (or - for standard input). ${CREDENTIALS_VERIFY_USAGE}`);
  return {
    file: files[0]!,
    didDocuments: lists['did-document'],
    statusLists: lists['status-list'],
    knownIssuers: lists['known-issuer'],
    now,
  };
}

async function readText(file: string, io: CredentialsCommandIo): Promise<string> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    const label = file === '-' ? 'standard input' : `"${file}"`;
    throw new InputError(`Cannot read ${label}: ${(error as Error).message}.`);
  }
}

async function readJson<T>(file: string, what: string, io: CredentialsCommandIo): Promise<T> {
  const text = await readText(file, io);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InputError(`The ${what} file "${file}" is not valid JSON.`);
  }
}

function isDidDocument(value: unknown): value is DidDocument {
  const document = value as Partial<DidDocument> | null;
  return !!document && typeof document.id === 'string' && Array.isArray(document.verificationMethod);
}

async function loadDidDocuments(options: Options, io: CredentialsCommandIo): Promise<DidDocument[]> {
  const documents: DidDocument[] = [];
  const local = await io.localIssuer();
  if (local) documents.push(local);
  for (const file of options.didDocuments) {
    const document = await readJson<unknown>(file, 'DID document', io);
    if (!isDidDocument(document))
      throw new InputError(`"${file}" is not a DID document (id, verificationMethod).`);
    documents.push(document);
  }
  return documents;
}

/** A status resolver over the given list files: each list is used only if its own proof verifies. */
function statusResolver(lists: StatusListCredential[], deps: Omit<VerifyDeps, 'resolveStatus'>) {
  const trusted = new Map<string, Promise<StatusListCredential | null>>();
  const check = (list: StatusListCredential) =>
    verifyCredential(list, { ...deps, resolveStatus: async () => 'unknown' as const }).then((outcome) =>
      outcome.checks.filter((item) => item.id !== 'validity').every((item) => item.ok) ? list : null,
    );
  for (const list of lists) trusted.set(list.id, check(list));
  return async (entry: BitstringStatusListEntry): Promise<StatusAnswer> => {
    const list = await trusted.get(entry.statusListCredential);
    return list ? { set: isEntrySet(entry, list) } : 'unknown';
  };
}

/** Runs `diploma credentials verify`; returns the exit code. */
export async function runCredentialsVerifyCommand(args: string[], io: CredentialsCommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${CREDENTIALS_VERIFY_USAGE}\n`);
    return EXIT_VALID;
  }
  try {
    const options = parseArgs(args);
    const now = options.now === undefined ? io.now() : new Date(options.now);
    if (Number.isNaN(now.getTime()))
      throw new InputError(`--now must be an ISO-8601 instant, got "${options.now}".`);
    const text = await readText(options.file, io);
    const didDocuments = await loadDidDocuments(options, io);
    const lists = await Promise.all(
      options.statusLists.map((file) => readJson<StatusListCredential>(file, 'status list', io)),
    );
    const documentLoader = createDocumentLoader({
      extraDocuments: didDocuments.flatMap((document) => didDocumentEntries(document)),
    });
    const knownIssuers = [...didDocuments.map((document) => document.id), ...options.knownIssuers];
    const base = { documentLoader, now, knownIssuers };
    const outcome = await verifyCredential(text, { ...base, resolveStatus: statusResolver(lists, base) });
    if (outcome.checks.every((check) => check.message === 'unreadable')) {
      throw new InputError(`The input is neither a credential in JSON nor a JWT.`);
    }
    const { credential: _credential, ...printed } = outcome;
    io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
    return outcome.valid ? EXIT_VALID : EXIT_INVALID;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT_UNREADABLE;
  }
}
