/**
 * Faster JSON-LD expansion for signing and verifying (issue 16, "Performance"). Canonicalising an Open
 * Badges credential is mostly jsonld.js processing contexts: each node typed with a type-scoped context
 * (AchievementCredential, Achievement, Profile, Result…) makes jsonld revert to the enclosing context for
 * its children, and jsonld 9's `revertToPreviousContext` returns a deep CLONE of that context — its term
 * definitions and, recursively, every context before it. The clone is a new object, so jsonld's own cache
 * of processed contexts (keyed by the active context's identity) misses on the next scoped context, which is
 * processed and cloned again: half the CPU of a canonicalisation was `util.clone` and the garbage it makes.
 *
 * jsonld never changes an active context once built — `api.process` clones before it defines terms, the
 * cache of processed contexts already hands one context object to every document that uses it — and never
 * changes a term definition once built, so both can be shared instead of copied. This module makes jsonld's
 * initial active context (from which every active context is cloned, inheriting its `clone` and
 * `revertToPreviousContext`) revert to the previous context itself, and clone by copying only the map of
 * terms and the `protected` record (the parts `api.process` changes on its clone).
 *
 * jsonld's cache of processed contexts still missed for every type-scoped context (18 of 26 look-ups per
 * verification, bench/README.md "Credentials, fifth pass"): before processing a non-propagating context,
 * `api.process` (lib/context.js) makes a fresh clone of the active context P with P as its previous context
 * and looks the processed context up by that clone, which is new every time. Such a clone is never changed
 * afterwards (the next clone is the one that gets the definitions), and every clone of P with P as previous
 * context has the same content; so the cache is keyed by P's first such clone for all of them
 * (`processedKey`): the processed context found has P as previous context, as one processed anew would.
 *
 * Same output: shared-active-contexts.test.ts checks the 1EdTech test vectors byte for byte and random
 * credentials against an unchanged jsonld in a worker thread. Idempotent; jsonld 9.x only (checked).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** An active context as jsonld.js builds it (lib/context.js), as far as this module touches it. */
interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, unknown>;
  inverse: unknown;
  getInverse: unknown;
  clone: (this: ActiveContext) => ActiveContext;
  revertToPreviousContext: (this: ActiveContext) => ActiveContext;
  previousContext?: ActiveContext;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
}

const SUPPORTED_MAJOR = '9.';
let shared = false;

/** The context a clone was made from (a symbol: invisible to jsonld's own walks of a context). */
const CLONED_FROM = Symbol('clonedFrom');
type Cloned = ActiveContext & { [CLONED_FROM]?: ActiveContext };

/** Per active context P, the first clone of it seen with P as previous context: the cache key for all. */
const keyOfReverted = new WeakMap<ActiveContext, ActiveContext>();

/**
 * The key jsonld's processed-context cache uses for `context`: itself, except for a clone of P with P as
 * previous context (what `api.process` makes before a type-scoped context), keyed by the first such clone.
 */
export function processedKey(context: ActiveContext): ActiveContext {
  const from = (context as Cloned)[CLONED_FROM];
  if (from === undefined || from !== context.previousContext) return context;
  const key = keyOfReverted.get(from);
  if (key) return key;
  keyOfReverted.set(from, context);
  return context;
}

/**
 * jsonld's `_cloneActiveContext` (lib/context.js) without deep copies: the child gets its own map of terms
 * and its own `protected` record (what `api.process` changes: it sets, deletes and restores entries), but
 * shares the term definitions (each is a new object built once by `createTermDefinition` and never
 * changed after) and the previous context.
 */
function cloneSharing(this: ActiveContext): ActiveContext {
  const child = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
    [CLONED_FROM]: this,
  } as Cloned;
  if (this.previousContext) child.previousContext = this.previousContext;
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

/** Makes jsonld share previous contexts instead of cloning them (once per process or worker thread). */
export function shareActiveContexts(): void {
  if (shared) return;
  shared = true;
  const { version } = require('jsonld/package.json') as { version: string };
  if (!version.startsWith(SUPPORTED_MAJOR)) return;
  const contextApi = require('jsonld/lib/context.js') as {
    getInitialContext(options: { processingMode?: string }): ActiveContext;
  };
  // Every expansion starts from this cached object (keyed by processing mode: jsonld's default).
  const initial = contextApi.getInitialContext({});
  initial.clone = cloneSharing;
  initial.revertToPreviousContext = function revert(this: ActiveContext) {
    return this.previousContext ?? this;
  };
  const resolvedContext = require('jsonld/lib/ResolvedContext.js') as {
    prototype: {
      cache: { get(key: object): unknown; set(key: object, value: unknown): void };
      getProcessed(activeCtx: ActiveContext): unknown;
      setProcessed(activeCtx: ActiveContext, processed: unknown): void;
    };
  };
  resolvedContext.prototype.getProcessed = function getProcessed(activeCtx) {
    return this.cache.get(processedKey(activeCtx));
  };
  resolvedContext.prototype.setProcessed = function setProcessed(activeCtx, processed) {
    this.cache.set(processedKey(activeCtx), processed);
  };
}

/** Whether the sharing is on (tests). */
export function activeContextsShared(): boolean {
  return shared;
}
