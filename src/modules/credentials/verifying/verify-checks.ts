/**
 * The checks shared by both credential forms (Data Integrity JSON and VC-JWT): status, validity dates and
 * issuer. Each returns one independent result with a code the web layer translates as
 * `credential.check.<id>.<code>`.
 */
import type { BitstringStatusListEntry } from '../status/status-list.js';

/** The checks a verification reports, in this order. */
export const CHECK_IDS = ['schema', 'proof', 'status', 'validity', 'issuer'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One check's outcome: `message` is a code (see docs/decisions/0007-credentials.md). */
export interface CheckResult {
  id: CheckId;
  ok: boolean;
  message: string;
  /** Machine-readable specifics (failing schema paths, the status purpose that is set). */
  details?: string[];
}

/** What the status resolver says about one entry: its bit, or that it cannot be known here. */
export type StatusAnswer = { set: boolean } | 'unknown';

/** What a verification needs from its caller. */
export interface VerifyDeps {
  /** The static document loader (contexts, our DID document, known third-party keys). */
  documentLoader: (url: string) => Promise<{ document: object }>;
  /**
   * Looks a status entry up (our database, a status list file, or 'unknown' when offline); may answer at
   * once (our lists' copy in memory: no event-loop turn per entry).
   */
  resolveStatus(entry: BitstringStatusListEntry): Promise<StatusAnswer> | StatusAnswer;
  /** The instant validity is judged at. */
  now: Date;
  /** Issuer ids the verifier trusts (our did:web, and the configured TRUSTED_ISSUERS): the trust policy. */
  knownIssuers: readonly string[];
  /** The OB schema file to validate against (default: the copy shipped in schema/). */
  schemaPath?: string;
}

type Json = Record<string, unknown>;

function entriesOf(credential: Json): unknown[] {
  const status = credential.credentialStatus;
  if (status === undefined) return [];
  return Array.isArray(status) ? status : [status];
}

function isBitstringEntry(entry: unknown): entry is BitstringStatusListEntry {
  const item = entry as Partial<BitstringStatusListEntry> | null;
  return (
    !!item &&
    item.type === 'BitstringStatusListEntry' &&
    typeof item.statusPurpose === 'string' &&
    typeof item.statusListCredential === 'string' &&
    /^\d+$/.test(String(item.statusListIndex))
  );
}

/** The resolver's answer for one entry ('unknown' when it fails), awaited only when it is a promise. */
function answerOf(deps: VerifyDeps, entry: BitstringStatusListEntry): StatusAnswer | Promise<StatusAnswer> {
  try {
    const answer = deps.resolveStatus(entry);
    return answer instanceof Promise ? answer.catch((): StatusAnswer => 'unknown') : answer;
  } catch {
    return 'unknown';
  }
}

/**
 * `status`: `none` (no entry), `ok` (every bit clear), `revoked` / `suspended` / `status_set` (a bit is
 * set: fails), `unknown` (some entry could not be checked here, none is set: passes, reported as such).
 */
export async function checkStatus(credential: Json, deps: VerifyDeps): Promise<CheckResult> {
  const entries = entriesOf(credential);
  if (entries.length === 0) return { id: 'status', ok: true, message: 'none' };
  const setPurposes: string[] = [];
  let unknown = false;
  for (const entry of entries) {
    if (!isBitstringEntry(entry)) {
      unknown = true;
      continue;
    }
    const answer = await answerOf(deps, entry);
    if (answer === 'unknown') unknown = true;
    else if (answer.set) setPurposes.push(entry.statusPurpose);
  }
  if (setPurposes.includes('revocation'))
    return { id: 'status', ok: false, message: 'revoked', details: setPurposes };
  if (setPurposes.includes('suspension'))
    return { id: 'status', ok: false, message: 'suspended', details: setPurposes };
  if (setPurposes.length) return { id: 'status', ok: false, message: 'status_set', details: setPurposes };
  return { id: 'status', ok: true, message: unknown ? 'unknown' : 'ok' };
}

function instant(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/**
 * `validity`: `ok`, `not_yet_valid`, `expired`, or `invalid_dates` (unreadable dates). Both dates are
 * optional in VC 2.0: a credential without `validFrom` is valid from its issuance on (VC 1.1 credentials
 * name it `issuanceDate`, which they require).
 */
export function checkValidity(credential: Json, now: Date): CheckResult {
  const from = instant(credential.validFrom ?? credential.issuanceDate);
  const until = instant(credential.validUntil ?? credential.expirationDate);
  if (from === null || until === null) return { id: 'validity', ok: false, message: 'invalid_dates' };
  if (from !== undefined && now.getTime() < from)
    return { id: 'validity', ok: false, message: 'not_yet_valid' };
  if (until !== undefined && now.getTime() > until) return { id: 'validity', ok: false, message: 'expired' };
  return { id: 'validity', ok: true, message: 'ok' };
}

/** The issuer id of a credential, or null. */
export function issuerOf(credential: Json): string | null {
  const issuer = credential.issuer;
  const id = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/**
 * `issuer`, the trust policy: `known` when the issuer id is one the verifier trusts (our did:web and the
 * configured TRUSTED_ISSUERS), else `untrusted` — which passes (the proof says who signed; whether to
 * believe that issuer is the reader's decision) and is reported as a warning.
 */
export function checkIssuer(credential: Json, knownIssuers: readonly string[]): CheckResult {
  const issuer = issuerOf(credential);
  if (issuer !== null && knownIssuers.includes(issuer)) return { id: 'issuer', ok: true, message: 'known' };
  return { id: 'issuer', ok: true, message: 'untrusted', details: issuer ? [issuer] : [] };
}
