/**
 * The issuer as a use case needs it: its did:web (from BASE_URL), its keyring, a static document loader
 * that knows its DID document, and its Open Badges profile (the stored row, or a default named after the
 * platform). Not a use case: a helper the use cases share.
 */

import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { translator } from '../../../i18n/i18n.js';
import { parseLocalized } from '../../../i18n/localized.js';
import { findIssuerProfile } from '../credentials.repository.js';
import type { IssuerProfileInput, LocalizedText } from '../issuing/credential-input.js';
import { CREDENTIAL_LANGUAGES } from '../issuing/credential-input.js';
import { createDocumentLoader, type DocumentLoader } from '../verifying/document-loader.js';
import { issuerDidFromBaseUrl } from './issuer-did.js';
import { type DidDocument, didDocument } from './issuer-documents.js';
import type { Keyring } from './keys.js';

/** Everything signing and verifying need to know about our issuer. */
export interface IssuerContext {
  did: string;
  baseUrl: string;
  keyring: Keyring;
  didDocument: DidDocument;
  documentLoader: DocumentLoader;
  profile: IssuerProfileInput;
}

const loaders = new WeakMap<Keyring, Map<string, { document: DidDocument; loader: DocumentLoader }>>();

/** The DID document and document loader of a keyring under a DID (memoised: building them costs). */
export function issuerDocuments(keyring: Keyring, did: string) {
  let byDid = loaders.get(keyring);
  if (!byDid) {
    byDid = new Map();
    loaders.set(keyring, byDid);
  }
  let entry = byDid.get(did);
  if (!entry) {
    const document = didDocument(keyring, did);
    entry = { document, loader: createDocumentLoader({ issuerDidDocument: document }) };
    byDid.set(did, entry);
  }
  return entry;
}

/** The issuer's names when no profile was saved: the platform's name in the three languages. */
export function defaultIssuerName(): LocalizedText {
  const name: LocalizedText = {};
  for (const language of CREDENTIAL_LANGUAGES) name[language] = translator(language).t('app.name');
  return name;
}

/** A stored name map reduced to the three credential languages (at least one; else the default). */
function credentialName(json: string): LocalizedText {
  const stored = parseLocalized(json);
  const name: LocalizedText = {};
  for (const language of CREDENTIAL_LANGUAGES) {
    const text = stored[language]?.trim();
    if (text) name[language] = text;
  }
  return Object.keys(name).length ? name : defaultIssuerName();
}

/** The issuer's profile (stored, else the default: the platform's name and BASE_URL). */
export async function loadIssuerProfile(
  db: Executor,
  deps: Pick<Services, 'config'>,
): Promise<IssuerProfileInput> {
  const did = issuerDidFromBaseUrl(deps.config.baseUrl);
  const row = await findIssuerProfile(db);
  if (!row) return { did, name: defaultIssuerName(), url: deps.config.baseUrl };
  return {
    did,
    name: credentialName(row.name_i18n),
    url: row.url,
    ...(row.email ? { email: row.email } : {}),
    ...(row.image_url ? { imageUrl: row.image_url } : {}),
  };
}

/** What verifying needs of our issuer: its DID, keys and documents, without its profile (no database). */
export type IssuerKeys = Omit<IssuerContext, 'profile'>;

/** The DID of each base URL met (a URL parsed once, not on every verification). */
const didsByBaseUrl = new Map<string, string>();

function issuerDidOf(baseUrl: string): string {
  let did = didsByBaseUrl.get(baseUrl);
  if (did === undefined) {
    did = issuerDidFromBaseUrl(baseUrl);
    if (didsByBaseUrl.size >= 16) didsByBaseUrl.clear();
    didsByBaseUrl.set(baseUrl, did);
  }
  return did;
}

/** The issuer's DID, keys and documents (keys loaded on first use; no database read). */
export async function loadIssuerKeys(deps: Pick<Services, 'config' | 'signer'>): Promise<IssuerKeys> {
  const keyring = await deps.signer.keyring();
  const did = issuerDidOf(deps.config.baseUrl);
  const { document, loader } = issuerDocuments(keyring, did);
  return { did, baseUrl: deps.config.baseUrl, keyring, didDocument: document, documentLoader: loader };
}

/** The issuer (keys loaded on first use). `db`: the database, or the caller's transaction. */
export async function loadIssuer(db: Executor, deps: Services): Promise<IssuerContext> {
  return { ...(await loadIssuerKeys(deps)), profile: await loadIssuerProfile(db, deps) };
}
