/**
 * The document resources: state (activity + agent [+ registration]), activity profiles and agent profiles.
 * ETags are the SHA-1 of the content; PUT, POST and DELETE honour If-Match / If-None-Match (412 when
 * they fail); a profile PUT over an existing document without either header is a conflict (409). POST
 * merges JSON objects (top-level properties).
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import {
  type DocumentKey,
  deleteDocuments,
  findDocument,
  listDocumentIds,
  saveDocument,
} from './lrs.repository.js';
import type { LrsDocumentRow } from './lrs.tables.js';
import { checkAgent, isObject, isTimestamp, isUuid, XapiError } from './xapi-statement.js';
import { agentKey } from './xapi-statement-index.js';

export type DocumentKind = DocumentKey['kind'];

/** What a document request carries (query parameters, headers, body). */
export interface DocumentRequest {
  kind: DocumentKind;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  query: Record<string, string | undefined>;
  contentType: string | undefined;
  body: Uint8Array;
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
}

export interface DocumentResponse {
  status: number;
  contentType?: string;
  body?: Uint8Array | string[] | null;
  etag?: string;
  lastModified?: string;
}

const ID_PARAM: Record<DocumentKind, string> = {
  state: 'stateId',
  'activity-profile': 'profileId',
  'agent-profile': 'profileId',
};

const ALLOWED: Record<DocumentKind, string[]> = {
  state: ['activityId', 'agent', 'registration', 'stateId', 'since'],
  'activity-profile': ['activityId', 'profileId', 'since'],
  'agent-profile': ['agent', 'profileId', 'since'],
};

function agentParam(text: string | undefined): string {
  if (text === undefined) throw new XapiError(400, 'the agent parameter is required');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new XapiError(400, 'agent must be JSON');
  }
  checkAgent(parsed, 'agent');
  const key = agentKey(parsed);
  if (!key) throw new XapiError(400, 'agent must be identified');
  return key;
}

function keyOf(request: DocumentRequest): DocumentKey {
  const q = request.query;
  const unknown = Object.keys(q).filter((k) => !ALLOWED[request.kind].includes(k));
  if (unknown.length > 0) throw new XapiError(400, `unknown parameter ${unknown.join(', ')}`);
  const needsActivity = request.kind !== 'agent-profile';
  if (needsActivity && !q.activityId) throw new XapiError(400, 'the activityId parameter is required');
  if (q.registration !== undefined && !isUuid(q.registration))
    throw new XapiError(400, 'registration must be a UUID');
  if (q.since !== undefined && !isTimestamp(q.since)) throw new XapiError(400, 'since must be a timestamp');
  return {
    kind: request.kind,
    activityId: needsActivity ? String(q.activityId) : '',
    agentKey: request.kind === 'activity-profile' ? '' : agentParam(q.agent),
    registration: q.registration?.toLowerCase() ?? '',
  };
}

const etagOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

function matches(header: string, etag: string | undefined): boolean {
  if (header.trim() === '*') return etag !== undefined;
  return (
    etag !== undefined &&
    header.split(',').some((t) => t.trim().replace(/^W\//, '').replace(/"/g, '') === etag)
  );
}

function checkPreconditions(request: DocumentRequest, existing: LrsDocumentRow | undefined): void {
  if (request.ifMatch !== undefined && !matches(request.ifMatch, existing?.etag))
    throw new XapiError(412, 'If-Match does not match the document');
  if (request.ifNoneMatch !== undefined && matches(request.ifNoneMatch, existing?.etag))
    throw new XapiError(412, 'If-None-Match matches the document');
}

const isJson = (contentType: string | undefined) => /^application\/json\b/i.test(contentType ?? '');

function mergeJson(
  existing: LrsDocumentRow,
  request: DocumentRequest,
): { contentType: string; bytes: Uint8Array } {
  const parse = (bytes: Uint8Array) => {
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  };
  const before = isJson(existing.content_type) ? parse(existing.content) : undefined;
  const after = isJson(request.contentType) ? parse(request.body) : undefined;
  if (!isObject(before) || !isObject(after))
    throw new XapiError(400, 'POST merges JSON objects only: both documents must be JSON objects');
  return { contentType: 'application/json', bytes: Buffer.from(JSON.stringify({ ...before, ...after })) };
}

/** Handles one document request. */
export async function handleDocument(
  db: Executor,
  deps: Services,
  request: DocumentRequest,
): Promise<DocumentResponse> {
  const key = keyOf(request);
  const documentId = request.query[ID_PARAM[request.kind]];
  if (request.method === 'GET') {
    if (documentId === undefined) {
      const since = request.query.since ? new Date(request.query.since).toISOString() : undefined;
      return { status: 200, body: await listDocumentIds(db, key, since) };
    }
    const found = await findDocument(db, key, documentId);
    if (!found) throw new XapiError(404, 'no such document');
    return {
      status: 200,
      contentType: found.content_type,
      body: found.content,
      etag: found.etag,
      lastModified: found.updated_at,
    };
  }
  if (request.method === 'DELETE') {
    if (documentId === undefined) {
      if (request.kind !== 'state')
        throw new XapiError(400, `the ${ID_PARAM[request.kind]} parameter is required`);
      await deleteDocuments(db, key);
      return { status: 204 };
    }
    return inTransaction(db, async (trx) => {
      const existing = await findDocument(trx, key, documentId);
      checkPreconditions(request, existing);
      await deleteDocuments(trx, key, documentId);
      return { status: 204 };
    });
  }
  if (documentId === undefined)
    throw new XapiError(400, `the ${ID_PARAM[request.kind]} parameter is required`);
  return inTransaction(db, async (trx) => {
    const existing = await findDocument(trx, key, documentId);
    checkPreconditions(request, existing);
    if (
      request.method === 'PUT' &&
      request.kind !== 'state' &&
      existing &&
      request.ifMatch === undefined &&
      request.ifNoneMatch === undefined
    )
      throw new XapiError(409, 'the document exists: send If-Match or If-None-Match');
    let contentType = request.contentType ?? 'application/octet-stream';
    let bytes = request.body;
    if (request.method === 'POST' && existing) ({ contentType, bytes } = mergeJson(existing, request));
    else if (request.method === 'POST' && isJson(contentType)) {
      try {
        JSON.parse(Buffer.from(bytes).toString('utf8'));
      } catch {
        throw new XapiError(400, 'the document is not valid JSON');
      }
    }
    const etag = etagOf(bytes);
    await saveDocument(trx, {
      kind: key.kind,
      activity_id: key.activityId,
      agent_key: key.agentKey,
      registration: key.registration,
      document_id: documentId,
      content_type: contentType,
      content: bytes,
      etag,
      updated_at: deps.clock.now().toISOString(),
    });
    return { status: 204, etag };
  });
}
