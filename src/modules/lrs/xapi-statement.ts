/**
 * xAPI statements (1.0.3 and 2.0.0): validation of what a client sends (the keys of agents and what a
 * statement is about: xapi-statement-index.ts). Pure: no I/O. A rule broken is an `XapiError` (400) naming it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A protocol error in the xAPI shape: the status and one sentence. */
export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'XapiError';
  }
}

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S*$/i;
const LANGUAGE_TAG = /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/i;
const SHA1 = /^[0-9a-f]{40}$/i;
/** An Internet media type (RFC 6838 / RFC 2045): type/subtype and optional `; name=value` parameters. */
const MEDIA_TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(
  `^${MEDIA_TOKEN}/${MEDIA_TOKEN}(?:\\s*;\\s*${MEDIA_TOKEN}=(?:${MEDIA_TOKEN}|"(?:[^"\\\\]|\\\\.)*"))*\\s*$`,
);
const SHA2 = /^[0-9a-f]{64,128}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
const DURATION =
  /^P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;

function fail(message: string): never {
  throw new XapiError(400, message);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A negative zero offset (-00, -0000, -00:00): "offset unknown" (RFC 3339 § 4.3), not an ISO 8601 offset. */
const NEGATIVE_ZERO_OFFSET = /-00(?::?00)?$/;

export function isTimestamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_TIMESTAMP.test(value) &&
    !NEGATIVE_ZERO_OFFSET.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function allowKeys(value: JsonObject, keys: readonly string[], where: string): void {
  for (const key of Object.keys(value))
    if (!keys.includes(key)) fail(`${where}: unexpected property "${key}"`);
}

function iri(value: unknown, where: string): string {
  if (typeof value !== 'string' || !IRI.test(value)) fail(`${where} must be an IRI`);
  return value as string;
}

function languageMap(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be a language map`);
  for (const [tag, text] of Object.entries(value as JsonObject)) {
    if (!LANGUAGE_TAG.test(tag)) fail(`${where}: "${tag}" is not a language tag`);
    if (typeof text !== 'string') fail(`${where}.${tag} must be a string`);
  }
}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

function checkIfi(value: JsonObject, where: string): number {
  const present = IFIS.filter((k) => value[k] !== undefined);
  if (present.length > 1) fail(`${where} has more than one identifier`);
  if (value.mbox !== undefined && (typeof value.mbox !== 'string' || !MBOX.test(value.mbox)))
    fail(`${where}.mbox must be a mailto: IRI`);
  if (
    value.mbox_sha1sum !== undefined &&
    (typeof value.mbox_sha1sum !== 'string' || !SHA1.test(value.mbox_sha1sum))
  )
    fail(`${where}.mbox_sha1sum must be a SHA-1 hex string`);
  if (value.openid !== undefined) iri(value.openid, `${where}.openid`);
  if (value.account !== undefined) {
    const account = value.account;
    if (!isObject(account)) fail(`${where}.account must be an object`);
    allowKeys(account, ['homePage', 'name'], `${where}.account`);
    iri(account.homePage, `${where}.account.homePage`);
    if (typeof account.name !== 'string') fail(`${where}.account.name must be a string`);
  }
  return present.length;
}

/** Checks an Agent or a Group. */
export function checkAgent(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  const type = value.objectType ?? 'Agent';
  if (value.name !== undefined && typeof value.name !== 'string') fail(`${where}.name must be a string`);
  if (type === 'Agent') {
    allowKeys(value, ['objectType', 'name', ...IFIS], where);
    if (checkIfi(value, where) !== 1) fail(`${where} must have exactly one identifier`);
    return;
  }
  if (type !== 'Group') fail(`${where}.objectType must be Agent or Group`);
  allowKeys(value, ['objectType', 'name', 'member', ...IFIS], where);
  const identified = checkIfi(value, where) === 1;
  if (value.member !== undefined) {
    if (!Array.isArray(value.member)) fail(`${where}.member must be an array`);
    (value.member as Json[]).forEach((m, i) => {
      if (isObject(m) && m.objectType === 'Group') fail(`${where}.member[${i}] cannot be a Group`);
      checkAgent(m, `${where}.member[${i}]`);
    });
  } else if (!identified) fail(`${where}: an anonymous Group must list its members`);
}

function checkActivity(value: JsonObject, where: string): void {
  allowKeys(value, ['objectType', 'id', 'definition'], where);
  iri(value.id, `${where}.id`);
  const definition = value.definition;
  if (definition === undefined) return;
  if (!isObject(definition)) fail(`${where}.definition must be an object`);
  allowKeys(
    definition,
    [
      'name',
      'description',
      'type',
      'moreInfo',
      'extensions',
      'interactionType',
      'correctResponsesPattern',
      'choices',
      'scale',
      'source',
      'target',
      'steps',
    ],
    `${where}.definition`,
  );
  if (definition.name !== undefined) languageMap(definition.name, `${where}.definition.name`);
  if (definition.description !== undefined)
    languageMap(definition.description, `${where}.definition.description`);
  if (definition.type !== undefined) iri(definition.type, `${where}.definition.type`);
  if (definition.moreInfo !== undefined) iri(definition.moreInfo, `${where}.definition.moreInfo`);
  if (definition.extensions !== undefined)
    checkExtensions(definition.extensions, `${where}.definition.extensions`);
  const interactionTypes = [
    'true-false',
    'choice',
    'fill-in',
    'long-fill-in',
    'matching',
    'performance',
    'sequencing',
    'likert',
    'numeric',
    'other',
  ];
  if (
    definition.interactionType !== undefined &&
    !interactionTypes.includes(String(definition.interactionType))
  )
    fail(`${where}.definition.interactionType is not an interaction type`);
  if (definition.correctResponsesPattern !== undefined) {
    const pattern = definition.correctResponsesPattern;
    if (!Array.isArray(pattern) || pattern.some((p) => typeof p !== 'string'))
      fail(`${where}.definition.correctResponsesPattern must be an array of strings`);
  }
  for (const list of ['choices', 'scale', 'source', 'target', 'steps'] as const) {
    const components = definition[list];
    if (components === undefined) continue;
    if (definition.interactionType === undefined)
      fail(`${where}.definition.${list} needs an interactionType`);
    if (!Array.isArray(components)) fail(`${where}.definition.${list} must be an array`);
    for (const c of components as Json[]) {
      if (!isObject(c) || typeof c.id !== 'string')
        fail(`${where}.definition.${list}: every component needs an id`);
      if (isObject(c) && c.description !== undefined)
        languageMap(c.description, `${where}.definition.${list}.description`);
    }
  }
}

function checkExtensions(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  for (const key of Object.keys(value)) iri(key, `${where} key`);
}

function checkObject(value: unknown, where: string, inSubStatement: boolean): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  const type = value.objectType ?? 'Activity';
  switch (type) {
    case 'Activity':
      checkActivity(value, where);
      return;
    case 'Agent':
    case 'Group':
      checkAgent(value, where);
      return;
    case 'StatementRef':
      allowKeys(value, ['objectType', 'id'], where);
      if (!isUuid(value.id)) fail(`${where}.id must be a UUID`);
      return;
    case 'SubStatement':
      if (inSubStatement) fail(`${where}: a SubStatement cannot hold another SubStatement`);
      for (const key of ['id', 'stored', 'version', 'authority'])
        if (value[key] !== undefined) fail(`${where}: a SubStatement cannot have "${key}"`);
      checkStatementBody(value, where, true);
      return;
    default:
      fail(`${where}.objectType "${String(type)}" is unknown`);
  }
}

function checkScore(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  allowKeys(value, ['scaled', 'raw', 'min', 'max'], where);
  for (const key of ['scaled', 'raw', 'min', 'max'])
    if (value[key] !== undefined && typeof value[key] !== 'number') fail(`${where}.${key} must be a number`);
  const { scaled, raw, min, max } = value as Record<string, number | undefined>;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(`${where}.scaled must be between -1 and 1`);
  if (min !== undefined && max !== undefined && min >= max) fail(`${where}.min must be less than max`);
  if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max)))
    fail(`${where}.raw must be between min and max`);
}

function checkResult(value: unknown, where: string): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  allowKeys(value, ['score', 'success', 'completion', 'response', 'duration', 'extensions'], where);
  if (value.score !== undefined) checkScore(value.score, `${where}.score`);
  for (const key of ['success', 'completion'])
    if (value[key] !== undefined && typeof value[key] !== 'boolean')
      fail(`${where}.${key} must be a boolean`);
  if (value.response !== undefined && typeof value.response !== 'string')
    fail(`${where}.response must be a string`);
  if (value.duration !== undefined && (typeof value.duration !== 'string' || !DURATION.test(value.duration)))
    fail(`${where}.duration must be an ISO 8601 duration`);
  if (value.extensions !== undefined) checkExtensions(value.extensions, `${where}.extensions`);
}

function checkContext(value: unknown, where: string, objectIsActivity: boolean): void {
  if (!isObject(value)) fail(`${where} must be an object`);
  allowKeys(
    value,
    [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
      'contextAgents',
      'contextGroups',
    ],
    where,
  );
  if (value.registration !== undefined && !isUuid(value.registration))
    fail(`${where}.registration must be a UUID`);
  if (value.instructor !== undefined) checkAgent(value.instructor, `${where}.instructor`);
  if (value.team !== undefined) {
    if (!isObject(value.team) || value.team.objectType !== 'Group') fail(`${where}.team must be a Group`);
    checkAgent(value.team, `${where}.team`);
  }
  for (const key of ['revision', 'platform'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'string') fail(`${where}.${key} must be a string`);
    if (!objectIsActivity) fail(`${where}.${key} is only allowed when the object is an Activity`);
  }
  if (
    value.language !== undefined &&
    (typeof value.language !== 'string' || !LANGUAGE_TAG.test(value.language))
  )
    fail(`${where}.language must be a language tag`);
  if (value.statement !== undefined) {
    const ref = value.statement;
    if (!isObject(ref) || ref.objectType !== 'StatementRef' || !isUuid(ref.id))
      fail(`${where}.statement must be a StatementRef`);
  }
  if (value.extensions !== undefined) checkExtensions(value.extensions, `${where}.extensions`);
  if (value.contextActivities !== undefined) {
    const ca = value.contextActivities;
    if (!isObject(ca)) fail(`${where}.contextActivities must be an object`);
    allowKeys(ca, ['parent', 'grouping', 'category', 'other'], `${where}.contextActivities`);
    for (const [key, list] of Object.entries(ca)) {
      const items = Array.isArray(list) ? list : [list];
      for (const item of items) {
        if (!isObject(item)) fail(`${where}.contextActivities.${key} must hold activities`);
        if (isObject(item) && item.objectType !== undefined && item.objectType !== 'Activity')
          fail(`${where}.contextActivities.${key} must hold activities`);
        checkActivity(item as JsonObject, `${where}.contextActivities.${key}`);
      }
    }
  }
}

function checkAttachments(value: unknown, where: string): void {
  if (!Array.isArray(value)) fail(`${where} must be an array`);
  for (const [i, a] of value.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(a)) fail(`${at} must be an object`);
    allowKeys(a, ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'], at);
    iri(a.usageType, `${at}.usageType`);
    languageMap(a.display, `${at}.display`);
    if (a.description !== undefined) languageMap(a.description, `${at}.description`);
    if (typeof a.contentType !== 'string' || !MEDIA_TYPE.test(a.contentType))
      fail(`${at}.contentType must be an Internet media type`);
    if (typeof a.length !== 'number' || !Number.isInteger(a.length) || a.length < 0)
      fail(`${at}.length must be a whole number`);
    if (typeof a.sha2 !== 'string' || !SHA2.test(a.sha2)) fail(`${at}.sha2 must be a SHA-2 hex string`);
    if (a.fileUrl !== undefined) iri(a.fileUrl, `${at}.fileUrl`);
  }
}

function checkStatementBody(value: JsonObject, where: string, inSubStatement: boolean): void {
  allowKeys(
    value,
    inSubStatement
      ? ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']
      : [
          'id',
          'actor',
          'verb',
          'object',
          'result',
          'context',
          'timestamp',
          'stored',
          'authority',
          'version',
          'attachments',
          'objectType',
        ],
    where,
  );
  if (value.actor === undefined) fail(`${where}.actor is required`);
  checkAgent(value.actor, `${where}.actor`);
  const verb = value.verb;
  if (!isObject(verb)) fail(`${where}.verb is required`);
  allowKeys(verb, ['id', 'display'], `${where}.verb`);
  iri(verb.id, `${where}.verb.id`);
  if (verb.display !== undefined) languageMap(verb.display, `${where}.verb.display`);
  if (value.object === undefined) fail(`${where}.object is required`);
  checkObject(value.object, `${where}.object`, inSubStatement);
  if (value.result !== undefined) checkResult(value.result, `${where}.result`);
  const object = value.object as JsonObject;
  const objectIsActivity = (object.objectType ?? 'Activity') === 'Activity';
  if (value.context !== undefined) checkContext(value.context, `${where}.context`, objectIsActivity);
  if (value.timestamp !== undefined && !isTimestamp(value.timestamp))
    fail(`${where}.timestamp must be an ISO 8601 timestamp`);
  if (value.attachments !== undefined) checkAttachments(value.attachments, `${where}.attachments`);
}

/** Checks one statement as a client sent it; throws `XapiError(400)` with the first broken rule. */
export function checkStatement(value: unknown): JsonObject {
  if (!isObject(value)) fail('a statement must be a JSON object');
  if (value.id !== undefined && !isUuid(value.id)) fail('statement.id must be a UUID');
  if (value.objectType !== undefined && value.objectType !== 'Statement')
    fail('statement.objectType must be Statement');
  checkStatementBody(value, 'statement', false);
  if (value.stored !== undefined && !isTimestamp(value.stored)) fail('statement.stored must be a timestamp');
  if (value.authority !== undefined) checkAgent(value.authority, 'statement.authority');
  if (
    value.version !== undefined &&
    (typeof value.version !== 'string' || !/^[12]\.0(\.\d+)?$/.test(value.version))
  )
    fail('statement.version must be 1.0.x or 2.0.x');
  const verbId = (value.verb as JsonObject).id;
  if (verbId === VOIDED_VERB) {
    const object = value.object as JsonObject;
    if (object.objectType !== 'StatementRef') fail('a voiding statement must have a StatementRef object');
  }
  return value;
}
