/**
 * The signing of a certificate (JSON-LD canonicalisation, the Data Integrity proof and both VC-JWTs) in a
 * worker thread (sign-pool.ts), so that issuance uses every core: the main thread reads and writes the
 * database while the workers sign. Everything travels with the task: the unsigned credential, the active
 * keys (KeyObjects are cloned to the thread; an equal key already met is swapped for the thread's kept one)
 * and the issuer's DID document, so the worker is offline. The code is the in-process `signForms`: the same
 * bytes either way.
 */
import type { KeyObject } from 'node:crypto';
import type { DidDocument } from '../keys/issuer-documents.js';
import { createDocumentLoader, type DocumentLoader } from '../verifying/document-loader.js';
import type { UnsignedCredential } from './achievement-credential.js';
import type { SigningKey, SigningKeys } from './sign.js';
import { signForms } from './sign-forms.js';

/** One signing task. */
export interface SignTask {
  unsigned: UnsignedCredential;
  keys: SigningKeys;
  didDocument: DidDocument;
  /** The proof's `created` (ISO). */
  created: string;
}

/** The stored forms of a signed credential. */
export interface SignedTexts {
  json: string;
  jwtRs256: string;
  jwtEddsa: string;
}

/** The loader of each DID document met, by its serialisation (one per key rotation in a thread's life). */
const loaders = new Map<string, DocumentLoader>();

function loaderOf(document: DidDocument): DocumentLoader {
  const key = JSON.stringify(document);
  let loader = loaders.get(key);
  if (!loader) {
    if (loaders.size >= 8) loaders.clear();
    loader = createDocumentLoader({ issuerDidDocument: document });
    loaders.set(key, loader);
  }
  return loader;
}

/**
 * The private keys this thread has signed with, by kid. A task's keys arrive as new KeyObjects (cloned with
 * the task), and what is kept per KeyObject — jose's imported CryptoKey (on Node 20 a JWK export and a
 * WebCrypto import each time), our Data Integrity signer — was made again for every certificate (issue 16:
 * the threads spent 1.8 times the main thread's signing time). A key equal to the one kept (same key
 * material: `KeyObject.equals`) is replaced by it; a rotated key is another value and is kept instead.
 */
const keptKeys = new Map<string, KeyObject>();

function keptKey(key: SigningKey): SigningKey {
  const kept = keptKeys.get(key.kid);
  if (kept && kept !== key.privateKey && kept.equals(key.privateKey))
    return { kid: key.kid, privateKey: kept };
  if (keptKeys.size >= 8) keptKeys.clear();
  keptKeys.set(key.kid, key.privateKey);
  return key;
}

/** Signs a task's credential in every stored form. */
export default async function runSignTask(task: SignTask): Promise<SignedTexts> {
  const forms = await signForms(
    {
      keyring: { ed25519: keptKey(task.keys.ed25519), rsa: keptKey(task.keys.rsa) },
      documentLoader: loaderOf(task.didDocument),
    },
    task.unsigned,
    new Date(task.created),
  );
  return { json: forms.json, jwtRs256: forms.jwtRs256, jwtEddsa: forms.jwtEddsa };
}
