/** Types of naive-verify-worker.mjs (JavaScript: a worker thread does not inherit tsx's hooks). */
export declare function naiveVerifier(
  documents: Iterable<[string, object]>,
): (credential: Record<string, unknown>) => Promise<void>;
