/**
 * The verification work that costs CPU (JSON-LD canonicalisation and signature checks), run in a worker
 * thread (verify-pool.ts) so that the main thread keeps answering /healthz and pages during a verification
 * flood. Everything it needs travels with the task — the documents of the DIDs involved, resolved by the
 * main thread beforehand — so the worker is offline. Status (the database) is judged on the main thread.
 */
import type { DidDocument } from '../keys/issuer-documents.js';
import { createDocumentLoader, type DocumentLoader } from './document-loader.js';
import {
  type PresentationExpectations,
  type PresentationVerificationResult,
  type VerificationResult,
  verifyCredential,
  verifyPresentation,
} from './verify.js';
import type { VerifyDeps } from './verify-checks.js';

/** One verification task. */
export type VerifyTask = {
  issuerDidDocument: DidDocument;
  extraDocuments: Array<[string, object]>;
  now: string;
  knownIssuers: string[];
} & (
  | { kind: 'credential'; input: object | string }
  | { kind: 'presentation'; input: object; expected: PresentationExpectations }
);

/** The loader of tasks that add no document to our DID document's, by that document (in process, the same). */
const plainLoaders = new WeakMap<DidDocument, DocumentLoader>();

function loaderOf(task: VerifyTask): DocumentLoader {
  const options = { issuerDidDocument: task.issuerDidDocument, extraDocuments: task.extraDocuments };
  if (task.extraDocuments.length > 0) return createDocumentLoader(options);
  let loader = plainLoaders.get(task.issuerDidDocument);
  if (!loader) {
    loader = createDocumentLoader(options);
    plainLoaders.set(task.issuerDidDocument, loader);
  }
  return loader;
}

/** Runs a task (in a worker, or in-process when there is no pool); status is left `unknown`. */
export default async function runVerifyTask(
  task: VerifyTask,
): Promise<VerificationResult | PresentationVerificationResult> {
  const deps: VerifyDeps = {
    documentLoader: loaderOf(task),
    resolveStatus: async () => 'unknown' as const,
    now: new Date(task.now),
    knownIssuers: task.knownIssuers,
  };
  return task.kind === 'credential'
    ? verifyCredential(task.input, deps)
    : verifyPresentation(task.input, deps, task.expected);
}
