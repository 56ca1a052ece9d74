import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  referenceJson,
  referenceText,
  sampleCredential,
  testDocumentLoader,
  testKeyring,
} from '../credentials-fixtures.js';
import type { DocumentLoader } from './document-loader.js';
import { activeContextsShared } from './shared-active-contexts.js';

type Json = Record<string, unknown>;

/**
 * jsonld with shared active contexts (shared-active-contexts.ts) gives the N-Quads that jsonld as published
 * gives: the 1EdTech test vectors byte for byte, and random Open Badges credentials compared with an
 * unchanged jsonld running in a worker thread (its own module instance, never changed).
 */
const REFERENCE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const jsonld = require('jsonld');
const documents = new Map(workerData.documents);
const documentLoader = async (url) => {
  const document = documents.get(url);
  if (!document) throw new Error('no document for ' + url);
  return { contextUrl: null, documentUrl: url, document };
};
parentPort.on('message', async ({ id, document }) => {
  try {
    const nquads = await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true,
    });
    parentPort.postMessage({ id, nquads });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

describe('shared active contexts', () => {
  let loader: DocumentLoader;
  const used = new Map<string, object>();
  let worker: Worker;
  let asked = 0;

  const recording: DocumentLoader = async (url) => {
    const answer = await loader(url);
    used.set(url, answer.document);
    return answer;
  };
  const canonize = (document: object) =>
    jsonld.canonize(document, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader: recording,
      safe: true,
    } as never) as Promise<string>;

  /** The N-Quads of unchanged jsonld (the worker gets every document the main thread loaded). */
  function reference(document: object): Promise<string> {
    const id = ++asked;
    return new Promise((resolve, reject) => {
      const listener = (message: { id: number; nquads?: string; error?: string }) => {
        if (message.id !== id) return;
        worker.off('message', listener);
        if (message.error) reject(new Error(message.error));
        else resolve(message.nquads!);
      };
      worker.on('message', listener);
      worker.postMessage({ id, document });
    });
  }

  beforeAll(async () => {
    loader = testDocumentLoader(await testKeyring());
    // Warm every context the generated credentials use, then hand them to the worker.
    for (const kind of ['certificate-of-achievement', 'certificate-of-participation', 'diploma'] as const)
      await canonize(sampleCredential(kind));
    await canonize(referenceJson('examples/complete.json') as object);
    worker = new Worker(REFERENCE_WORKER, { eval: true, workerData: { documents: [...used] } });
  });
  afterAll(async () => worker?.terminate());

  it('is on wherever a document loader exists', () => {
    expect(activeContextsShared()).toBe(true);
  });

  it("hits jsonld's processed-context cache for every context once a credential's kind was seen", async () => {
    const resolvedContext = createRequire(import.meta.url)('jsonld/lib/ResolvedContext.js') as {
      prototype: { getProcessed(context: object): unknown };
    };
    const getProcessed = resolvedContext.prototype.getProcessed;
    let hits = 0;
    let misses = 0;
    resolvedContext.prototype.getProcessed = function counting(context) {
      const found = getProcessed.call(this, context);
      if (found) hits++;
      else misses++;
      return found;
    };
    try {
      await canonize(sampleCredential('diploma', 7));
    } finally {
      resolvedContext.prototype.getProcessed = getProcessed;
    }
    // Before, each type-scoped context (AchievementCredential, Achievement, Profile, Result…) missed.
    expect(misses).toBe(0);
    expect(hits).toBeGreaterThan(10);
  });

  it('reproduces the 1EdTech OB 3.0 test vector N-Quads byte for byte', async () => {
    const vector = referenceJson('examples/eddsa-rdfc-2022-test-vector.json') as Json;
    const { proof: _proof, ...unsigned } = vector;
    expect(await canonize(unsigned)).toBe(referenceText('examples/ob-3.0-test-vectors/document-canon.txt'));
  });

  it('gives the N-Quads of unchanged jsonld for random Open Badges credentials', async () => {
    const text = fc.string({ minLength: 0, maxLength: 12, unit: 'grapheme' });
    const typed = (type: string) => fc.record({ type: fc.constant([type]), name: text, description: text });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('certificate-of-achievement', 'certificate-of-participation', 'diploma' as const),
        text,
        fc.array(typed('Evidence'), { maxLength: 3 }),
        fc.array(
          fc.record({
            type: fc.constant(['Alignment']),
            targetName: text,
            targetUrl: fc.webUrl(),
            targetType: fc.constantFrom('CFItem', 'ceterms:Credential', 'ext:Other'),
          }),
          { maxLength: 3 },
        ),
        fc.array(fc.record({ type: fc.constant(['Result']), value: text }), { maxLength: 2 }),
        fc.boolean(),
        async (kind, name, evidence, alignment, result, withComplete) => {
          const credential = structuredClone(
            withComplete ? (referenceJson('examples/complete.json') as Json) : sampleCredential(kind),
          ) as Json & { credentialSubject: Json & { achievement?: Json } };
          credential.name = name;
          if (evidence.length) credential.evidence = evidence;
          if (credential.credentialSubject.achievement && alignment.length)
            credential.credentialSubject.achievement.alignment = alignment;
          if (result.length) credential.credentialSubject.result = result;
          const { proof: _proof, ...unsigned } = credential;
          expect(await canonize(unsigned)).toBe(await reference(unsigned));
        },
      ),
      { numRuns: 25 },
    );
  });
});
