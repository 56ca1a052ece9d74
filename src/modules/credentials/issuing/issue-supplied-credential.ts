import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { type VcApiIssueInput, vcApiIssueSchema } from '../credentials.schemas.js';
import { type IssuerContext, loadIssuer } from '../keys/issuer.js';
import { type StatusPurpose, statusListEntry } from '../status/status-list.js';
import { allocateStatusIndex, statusListUrl } from '../status/status-list-store.js';
import { findSuppliedStatus, insertSuppliedStatus } from '../vc-api.repository.js';
import { VC_V2_CONTEXT } from '../verifying/contexts.js';
import { credentialDataModelProblems, typesOf } from '../verifying/data-model.js';
import { nestsDeeperThan } from '../verifying/request-limits.js';
import { issuerOf } from '../verifying/verify-checks.js';
import { type CredentialJson, signDataIntegrity } from './sign.js';

/** Why a supplied credential is refused (message `credential.problem.<code>`). */
function refused(path: string, problem: string): AppError {
  const field: FieldError = { path, key: `credential.problem.${problem}` };
  return new AppError('validation_failed', {}, [field]);
}

/**
 * The checks a supplied credential must pass before the issuer's key touches it: VC 2.0, our issuer, and
 * every rule of the VC 2.0 data model (typed `refreshService`/`credentialSchema`, `relatedResource` with
 * ids, unique, with a digest…), each refusal naming the property.
 */
function checkSupplied(credential: CredentialJson, did: string): void {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) throw refused('credential.@context', 'notVc2');
  if (!typesOf(credential).includes('VerifiableCredential')) throw refused('credential.type', 'notVc2');
  if (issuerOf(credential) !== did) throw refused('credential.issuer', 'foreignIssuer');
  if (credential.credentialSubject === undefined) throw refused('credential.credentialSubject', 'notVc2');
  if (nestsDeeperThan(credential)) throw new AppError('bad_request', { problem: 'tooDeep' });
  const problems = credentialDataModelProblems(credential).filter((item) => item.path !== 'proof');
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      {},
      problems.map((item) => ({
        path: `credential.${item.path.replaceAll('/', '.')}`,
        key: `credential.problem.dataModel.${item.problem}`,
      })),
    );
  }
}

/** The purposes `options.credentialStatus` asks for, in order, without repeats. */
function requestedPurposes(input: VcApiIssueInput): StatusPurpose[] {
  const requested = input.options?.credentialStatus;
  const items = requested === undefined ? [] : Array.isArray(requested) ? requested : [requested];
  return [...new Set(items.map((item) => item.statusPurpose))];
}

/**
 * The credential with its status entries at a new place of our lists (the same index in each purpose's
 * list, as for our own credentials): one entry, or both as an array so that any verifier sees a
 * suspension. An Open Badges credential takes one entry (the OB 3.0 schema allows a single object).
 */
async function withStatus(
  db: Executor,
  issuer: IssuerContext,
  credential: CredentialJson,
  purposes: StatusPurpose[],
  now: Date,
): Promise<{ credential: CredentialJson; index: number }> {
  if (credential.credentialStatus !== undefined) throw refused('credential.credentialStatus', 'statusGiven');
  const isOpenBadge = typesOf(credential).some(
    (t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential',
  );
  if (isOpenBadge && purposes.length > 1) throw refused('options.credentialStatus', 'oneStatusForOpenBadges');
  const place = await allocateStatusIndex(db, issuer, now);
  const entries = purposes.map((purpose) =>
    statusListEntry(statusListUrl(issuer.baseUrl, purpose, place.listNumber), place.position, purpose),
  );
  return {
    credential: { ...credential, credentialStatus: entries.length === 1 ? entries[0] : entries },
    index: place.index,
  };
}

/**
 * W3C VC-API `POST /credentials/issue` (administrators' API tokens only: a browser session cannot sign):
 * signs a supplied VC 2.0 credential whose `issuer` is our did:web with the issuer's Ed25519 key
 * (`eddsa-rdfc-2022`, appended to `proof`) and returns the bare signed credential. It is not stored; with
 * `options.credentialStatus` (BitstringStatusListEntry, revocation and/or suspension) it gets status
 * entries on our lists (and an id, `urn:uuid:…`, when it has none), recorded so that
 * `POST /credentials/status` can change them. Audited. 400 when it is not a conforming VC 2.0 credential
 * of our issuer (the error names the property), or uses terms or contexts the static document loader does
 * not know; 401/403 otherwise; 409 when a credential of that id already has status entries.
 */
export async function issueSuppliedCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<CredentialJson> {
  ensure(actor, canCredentials(actor, 'credentials.sign'));
  const parsed = parseInput(vcApiIssueSchema, input);
  const issuer = await loadIssuer(db, deps);
  checkSupplied(parsed.credential, issuer.did);
  const purposes = requestedPurposes(parsed);
  const now = deps.clock.now();
  return inTransaction(db, async (trx) => {
    let credential = parsed.credential;
    let index: number | null = null;
    if (purposes.length) {
      if (typeof credential.id !== 'string') credential = { ...credential, id: `urn:uuid:${randomUUID()}` };
      if (await findSuppliedStatus(trx, credential.id as string)) throw new AppError('already_exists');
      ({ credential, index } = await withStatus(trx, issuer, credential, purposes, now));
    }
    let signed: CredentialJson;
    try {
      signed = await signDataIntegrity(credential, issuer.keyring, issuer.documentLoader, { created: now });
    } catch {
      // Unknown contexts, undefined terms, invalid dates: the JSON-LD processing refused it.
      throw refused('credential', 'cannotSign');
    }
    if (index !== null) {
      await insertSuppliedStatus(trx, {
        credential_id: credential.id as string,
        status_index: index,
        purposes: purposes.join(','),
        issued_at: now.toISOString(),
      });
    }
    await audit(trx, deps.clock, actor, {
      action: 'credential.signed',
      targetType: 'credential',
      targetId: typeof credential.id === 'string' ? credential.id.slice(0, 200) : 'supplied',
      after: {
        types: signed.type,
        subject: (signed.credentialSubject as { id?: unknown })?.id ?? null,
        ...(index !== null ? { statusIndex: index, purposes } : {}),
      },
    });
    return signed;
  });
}
