/** GET /xapi/statements: one statement by id (or voided id), or a filtered, paged list. */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import {
  findAttachments,
  findStatementJson,
  queryStatements,
  type StatementFilter,
} from './lrs.repository.js';
import {
  checkAgent,
  isObject,
  isTimestamp,
  isUuid,
  type Json,
  type JsonObject,
  XapiError,
} from './xapi-statement.js';
import { agentKey } from './xapi-statement-index.js';

/** Most statements one page returns (a client may ask fewer). */
export const STATEMENTS_PAGE_MAX = 100;

const LIST_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'cursor',
];
const COMMON_PARAMS = ['format', 'attachments'];

export interface StatementsResult {
  /** A single statement (statementId / voidedStatementId) or a page. */
  body: JsonObject;
  /** The attachments' content to send as multipart/mixed (when `attachments=true`). */
  attachments: { sha2: string; contentType: string; content: Uint8Array }[];
  lastModified: string | null;
}

type Format = 'exact' | 'ids' | 'canonical';

function bool(value: string | undefined, name: string): boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new XapiError(400, `${name} must be true or false`);
}

function timestamp(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isTimestamp(value)) throw new XapiError(400, `${name} must be an ISO 8601 timestamp`);
  return new Date(value).toISOString();
}

/** The identifiers-only form of an agent or activity (`format=ids`). */
function idsOnly(value: Json): Json {
  if (!isObject(value)) return value;
  const type = value.objectType;
  if (
    type === 'Agent' ||
    type === 'Group' ||
    value.mbox ||
    value.mbox_sha1sum ||
    value.openid ||
    value.account
  ) {
    const out: JsonObject = {};
    for (const k of ['objectType', 'mbox', 'mbox_sha1sum', 'openid', 'account'])
      if (value[k] !== undefined) out[k] = value[k];
    if (type === 'Group' && !agentKey(value) && Array.isArray(value.member))
      out.member = value.member.map(idsOnly);
    return out;
  }
  if ((type ?? 'Activity') === 'Activity' && typeof value.id === 'string')
    return { objectType: 'Activity', id: value.id };
  return value;
}

/** A language map reduced to the reader's language (`format=canonical`). */
function canonical(value: Json, languages: string[]): Json {
  if (Array.isArray(value)) return value.map((v) => canonical(v, languages));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (
      (k === 'display' || k === 'name' || k === 'description') &&
      isObject(v) &&
      Object.values(v).every((t) => typeof t === 'string')
    ) {
      const tag = languages.find((l) => v[l] !== undefined) ?? Object.keys(v)[0];
      out[k] = tag === undefined ? {} : { [tag]: v[tag] as Json };
    } else out[k] = canonical(v, languages);
  }
  return out;
}

/** The identifiers-only form of a statement's context: instructor, team and context activities. */
function contextIdsOnly(context: Json): Json {
  if (!isObject(context)) return context;
  const out: JsonObject = { ...context };
  if (context.instructor) out.instructor = idsOnly(context.instructor);
  if (context.team) out.team = idsOnly(context.team);
  if (isObject(context.contextActivities)) {
    const activities: JsonObject = {};
    for (const [k, v] of Object.entries(context.contextActivities))
      activities[k] = Array.isArray(v) ? v.map(idsOnly) : idsOnly(v);
    out.contextActivities = activities;
  }
  return out;
}

/** `format=ids`: agents, groups, activities and verbs reduced to what identifies them (in sub-statements too). */
function statementIdsOnly(statement: JsonObject): JsonObject {
  const out: JsonObject = { ...statement, actor: idsOnly(statement.actor as Json) };
  if (isObject(statement.verb)) out.verb = { id: statement.verb.id as Json };
  if (statement.context) out.context = contextIdsOnly(statement.context as Json);
  const object = statement.object as JsonObject;
  out.object = object.objectType === 'SubStatement' ? statementIdsOnly(object) : idsOnly(object);
  if (statement.authority) out.authority = idsOnly(statement.authority as Json);
  return out;
}

function formatted(statement: JsonObject, format: Format, languages: string[]): JsonObject {
  if (format === 'canonical') return canonical(statement, languages) as JsonObject;
  if (format !== 'ids') return statement;
  return statementIdsOnly(statement);
}

async function withAttachments(db: Executor, statements: JsonObject[], wanted: boolean) {
  if (!wanted) return [];
  const hashes = new Set<string>();
  for (const s of statements)
    for (const a of (s.attachments as JsonObject[] | undefined) ?? []) hashes.add(String(a.sha2));
  return (await findAttachments(db, [...hashes])).map((a) => ({
    sha2: a.sha2,
    contentType: a.content_type,
    content: a.content,
  }));
}

/** Answers a statements GET; `more` continues the same query from where the page ended. */
export async function getStatements(
  db: Executor,
  _deps: Services,
  query: Record<string, string | undefined>,
  acceptLanguage: string | undefined,
): Promise<StatementsResult> {
  const format = (query.format ?? 'exact') as Format;
  if (!['exact', 'ids', 'canonical'].includes(format))
    throw new XapiError(400, 'format must be exact, ids or canonical');
  const attachments = bool(query.attachments, 'attachments');
  const languages = (acceptLanguage ?? '')
    .split(',')
    .map((l) => l.split(';')[0]?.trim() ?? '')
    .filter(Boolean);
  const single = query.statementId ?? query.voidedStatementId;
  if (query.statementId !== undefined || query.voidedStatementId !== undefined) {
    if (query.statementId !== undefined && query.voidedStatementId !== undefined)
      throw new XapiError(400, 'statementId and voidedStatementId cannot be combined');
    const extra = Object.keys(query).filter(
      (k) => !['statementId', 'voidedStatementId', ...COMMON_PARAMS].includes(k),
    );
    if (extra.length > 0) throw new XapiError(400, `statementId cannot be combined with ${extra.join(', ')}`);
    if (!isUuid(single)) throw new XapiError(400, 'the statement id must be a UUID');
    const row = await findStatementJson(db, single.toLowerCase());
    const wantVoided = query.voidedStatementId !== undefined;
    if (!row || (row.is_voided === 1) !== wantVoided) throw new XapiError(404, 'no such statement');
    const statement = JSON.parse(row.statement_json) as JsonObject;
    return {
      body: formatted(statement, format, languages),
      attachments: await withAttachments(db, [statement], attachments),
      lastModified: row.stored,
    };
  }
  const unknown = Object.keys(query).filter((k) => !LIST_PARAMS.includes(k));
  if (unknown.length > 0) throw new XapiError(400, `unknown parameter ${unknown.join(', ')}`);
  let agent: string | undefined;
  if (query.agent !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query.agent);
    } catch {
      throw new XapiError(400, 'agent must be JSON');
    }
    checkAgent(parsed, 'agent');
    agent = agentKey(parsed) ?? undefined;
    if (!agent) throw new XapiError(400, 'agent must be identified');
  }
  if (query.registration !== undefined && !isUuid(query.registration))
    throw new XapiError(400, 'registration must be a UUID');
  const limitText = query.limit ?? '0';
  if (!/^\d+$/.test(limitText)) throw new XapiError(400, 'limit must be a whole number');
  const limit =
    Number(limitText) === 0 ? STATEMENTS_PAGE_MAX : Math.min(Number(limitText), STATEMENTS_PAGE_MAX);
  const filter: StatementFilter = {
    agent,
    relatedAgents: bool(query.related_agents, 'related_agents'),
    verb: query.verb,
    activity: query.activity,
    relatedActivities: bool(query.related_activities, 'related_activities'),
    registration: query.registration?.toLowerCase(),
    since: timestamp(query.since, 'since'),
    until: timestamp(query.until, 'until'),
    ascending: bool(query.ascending, 'ascending'),
    after: query.cursor,
    limit,
  };
  const rows = await queryStatements(db, filter);
  const page = rows.slice(0, limit);
  const statements = page.map((r) => JSON.parse(r.statement_json) as JsonObject);
  let more = '';
  if (rows.length > limit) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'cursor') params.set(k, v);
    params.set('cursor', page[page.length - 1]?.seq ?? '');
    more = `/xapi/statements?${params.toString()}`;
  }
  return {
    body: { statements: statements.map((s) => formatted(s, format, languages)), more },
    attachments: await withAttachments(db, statements, attachments),
    lastModified: null,
  };
}
