/**
 * xAPI statements: the keys of agents, what a statement is about (the query index), its normal form and the
 * activities it defines. Pure: no I/O; the statements are already checked (xapi-statement.ts).
 */

import { isObject, type Json, type JsonObject } from './xapi-statement.js';

/** The canonical key of an Agent or identified Group (its one identifier), or null for an anonymous Group. */
export function agentKey(agent: unknown): string | null {
  if (!isObject(agent)) return null;
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  if (isObject(agent.account))
    return `account:${String(agent.account.homePage)}|${String(agent.account.name)}`;
  return null;
}

/** One entry of a statement's query index. */
export interface IndexEntry {
  kind: 'agent' | 'activity';
  value: string;
  direct: boolean;
}

function agentsOf(agent: unknown): string[] {
  const keys: string[] = [];
  const own = agentKey(agent);
  if (own) keys.push(own);
  if (isObject(agent) && Array.isArray(agent.member)) for (const m of agent.member) keys.push(...agentsOf(m));
  return keys;
}

function contextEntries(context: unknown): IndexEntry[] {
  if (!isObject(context)) return [];
  const out: IndexEntry[] = [];
  for (const key of agentsOf(context.instructor)) out.push({ kind: 'agent', value: key, direct: false });
  for (const key of agentsOf(context.team)) out.push({ kind: 'agent', value: key, direct: false });
  if (isObject(context.contextActivities))
    for (const list of Object.values(context.contextActivities))
      for (const a of Array.isArray(list) ? list : [list])
        if (isObject(a) && typeof a.id === 'string')
          out.push({ kind: 'activity', value: a.id, direct: false });
  return out;
}

/** What a statement is about: its actor and object (direct), and everything related (context, sub-statement, authority). */
export function indexEntries(statement: JsonObject): IndexEntry[] {
  const out: IndexEntry[] = [];
  const actorKey = agentKey(statement.actor);
  if (actorKey) out.push({ kind: 'agent', value: actorKey, direct: true });
  for (const member of agentsOf(statement.actor).slice(actorKey ? 1 : 0))
    out.push({ kind: 'agent', value: member, direct: false });
  const object = statement.object as JsonObject;
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') out.push({ kind: 'activity', value: String(object.id), direct: true });
  if (type === 'Agent' || type === 'Group') {
    const key = agentKey(object);
    if (key) out.push({ kind: 'agent', value: key, direct: true });
    for (const member of agentsOf(object).slice(key ? 1 : 0))
      out.push({ kind: 'agent', value: member, direct: false });
  }
  if (type === 'SubStatement') {
    for (const e of indexEntries(object)) out.push({ ...e, direct: false });
  }
  out.push(...contextEntries(statement.context));
  for (const key of agentsOf(statement.authority)) out.push({ kind: 'agent', value: key, direct: false });
  const seen = new Set<string>();
  return out.filter((e) => {
    const id = `${e.kind}|${e.value}|${e.direct}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Context activities as arrays (a single activity is accepted and stored as a one-item array). */
export function normaliseStatement(statement: JsonObject): JsonObject {
  const context = statement.context;
  if (isObject(context) && isObject(context.contextActivities)) {
    const ca = context.contextActivities;
    for (const key of Object.keys(ca)) if (!Array.isArray(ca[key])) ca[key] = [ca[key] as Json];
  }
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement')
    normaliseStatement(statement.object);
  return statement;
}

/** The activities (with definitions) a statement names, to remember their latest definitions. */
export function definedActivities(statement: JsonObject): { id: string; definition: JsonObject }[] {
  const out: { id: string; definition: JsonObject }[] = [];
  const visit = (a: unknown) => {
    if (
      isObject(a) &&
      typeof a.id === 'string' &&
      isObject(a.definition) &&
      (a.objectType ?? 'Activity') === 'Activity'
    )
      out.push({ id: a.id, definition: a.definition });
  };
  visit(statement.object);
  const context = statement.context;
  if (isObject(context) && isObject(context.contextActivities))
    for (const list of Object.values(context.contextActivities))
      for (const a of Array.isArray(list) ? list : [list]) visit(a);
  return out;
}
