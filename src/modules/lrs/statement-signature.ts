/**
 * Signed statements (xAPI 1.0.3 and 2.0.0, "Signed Statements"): a statement may carry a JWS (compact
 * serialization) as an attachment of usage type `…/attachments/signature` and content type
 * `application/octet-stream`, whose payload is the statement as it was before the signature was added.
 * The LRS refuses (400) a signature that is not a JWS, one whose algorithm is not RS256, RS384 or RS512,
 * one whose payload is not the statement it came with, and one that does not verify against the key it
 * names — an X.509 certificate (`x5c`, the first of the chain) or a JWK (`jwk`) in its protected header. A
 * signature that names no key cannot be checked here: its payload is still compared, and it is stored as
 * sent for the statement's readers to verify.
 */
import { compactVerify, decodeProtectedHeader, EmbeddedJWK, importX509 } from 'jose';
import { checkStatement, isObject, type JsonObject, XapiError } from './xapi-statement.js';
import { normaliseStatement } from './xapi-statement-index.js';

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/** Pure: the statement as a signer saw it — without the LRS's properties and the signature attachment. */
function signable(statement: JsonObject, withId: boolean, withTimestamp: boolean): string {
  const { stored: _s, authority: _a, version: _v, id, timestamp, attachments, ...rest } = statement;
  const others = ((attachments as JsonObject[] | undefined) ?? []).filter(
    (a) => a.usageType !== SIGNATURE_USAGE,
  );
  return JSON.stringify(
    sortKeys({
      ...rest,
      ...(withId && id !== undefined ? { id: String(id).toLowerCase() } : {}),
      ...(withTimestamp && timestamp !== undefined
        ? { timestamp: new Date(String(timestamp)).getTime() }
        : {}),
      ...(others.length ? { attachments: others } : {}),
    }),
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

function pem(certificate: string): string {
  const lines = certificate.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----`;
}

/** Checks one JWS against the statement it was attached to; throws a 400 `XapiError` when it fails. */
export async function checkSignature(statement: JsonObject, jws: string): Promise<void> {
  const refuse = (why: string) => new XapiError(400, `statement ${String(statement.id)}: ${why}`);
  const compact = jws.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(compact)) throw refuse('the signature is not a JWS in compact form');
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(compact);
    payload = JSON.parse(Buffer.from(compact.split('.')[1]!, 'base64url').toString('utf8'));
  } catch {
    throw refuse('the signature is not a JWS in compact form');
  }
  if (!ALGORITHMS.includes(String(header.alg))) throw refuse('the signature must use RS256, RS384 or RS512');
  let signed: JsonObject;
  try {
    signed = normaliseStatement(checkStatement(payload));
  } catch {
    throw refuse("the signature's payload is not a statement");
  }
  const withId = signed.id !== undefined;
  const withTimestamp = signed.timestamp !== undefined;
  if (signable(signed, withId, withTimestamp) !== signable(statement, withId, withTimestamp))
    throw refuse("the signature's payload is not this statement");
  try {
    const x5c = header.x5c?.[0];
    if (x5c)
      await compactVerify(compact, await importX509(pem(x5c), String(header.alg)), {
        algorithms: ALGORITHMS,
      });
    else if (header.jwk) await compactVerify(compact, EmbeddedJWK, { algorithms: ALGORITHMS });
  } catch {
    throw refuse('the signature does not verify against the key in its header');
  }
}

/** Checks every signature attachment of the statements, with the bytes of the parts sent. */
export async function checkSignatures(
  statements: readonly JsonObject[],
  parts: readonly { sha2: string; bytes: Uint8Array }[],
): Promise<void> {
  for (const statement of statements)
    for (const a of (statement.attachments as JsonObject[] | undefined) ?? []) {
      if (a.usageType !== SIGNATURE_USAGE) continue;
      const part = parts.find((p) => p.sha2 === a.sha2);
      if (!part) continue; // a fileUrl signature: nothing to check here
      await checkSignature(statement, Buffer.from(part.bytes).toString('utf8'));
    }
}
