import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { vcApiIssueSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import { VC_V2_CONTEXT } from '../verifying/contexts.js';
import { issuerOf } from '../verifying/verify-checks.js';
import { type CredentialJson, signDataIntegrity } from './sign.js';

/** Why a supplied credential is refused (message `credential.problem.<code>`). */
function refused(path: string, problem: string): AppError {
  const field: FieldError = { path, key: `credential.problem.${problem}` };
  return new AppError('validation_failed', {}, [field]);
}

/** The checks a supplied credential must pass before the issuer's key touches it. */
function checkSupplied(credential: CredentialJson, did: string): void {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) throw refused('credential.@context', 'notVc2');
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  if (!types.includes('VerifiableCredential')) throw refused('credential.type', 'notVc2');
  if (issuerOf(credential) !== did) throw refused('credential.issuer', 'foreignIssuer');
  if (credential.credentialSubject === undefined) throw refused('credential.credentialSubject', 'notVc2');
}

/**
 * W3C VC-API `POST /credentials/issue` (administrators' API tokens only: a browser session cannot sign):
 * signs a supplied VC 2.0 credential whose `issuer` is our did:web with the issuer's Ed25519 key
 * (`eddsa-rdfc-2022`, appended to `proof`) and returns the bare signed credential. It is not stored and
 * gets no status entry (a test suite's or an integration's credential, not a certificate of ours).
 * Audited. 400 when it is not a VC 2.0 credential of our issuer, or uses terms or contexts the static
 * document loader does not know; 401/403 otherwise.
 */
export async function issueSuppliedCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<CredentialJson> {
  ensure(actor, canCredentials(actor, 'credentials.sign'));
  const { credential } = parseInput(vcApiIssueSchema, input);
  const issuer = await loadIssuer(db, deps);
  checkSupplied(credential, issuer.did);
  let signed: CredentialJson;
  try {
    signed = await signDataIntegrity(credential, issuer.keyring, issuer.documentLoader, {
      created: deps.clock.now(),
    });
  } catch {
    // Unknown contexts, undefined terms, invalid dates: the JSON-LD processing refused it.
    throw refused('credential', 'cannotSign');
  }
  await inTransaction(db, (trx) =>
    audit(trx, deps.clock, actor, {
      action: 'credential.signed',
      targetType: 'credential',
      targetId: typeof credential.id === 'string' ? credential.id.slice(0, 200) : 'supplied',
      after: { types: signed.type, subject: (signed.credentialSubject as { id?: unknown })?.id ?? null },
    }),
  );
  return signed;
}
