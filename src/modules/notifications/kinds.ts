/**
 * The notification kinds of the running platform, gathered from the modules' descriptors, and what the
 * notifications module does with any of them: read a stored event back, look up what it names.
 */
import type { Executor } from '../../db/database.js';
import type { Module } from '../module.js';
import type { NoticeEvent, NoticeSubject, NotificationKindDefinition } from './notification-kind.js';

/** A stored event read back with its kind's definition and what it names (null when that is gone). */
export interface RenderableNotice {
  event: NoticeEvent;
  definition: NotificationKindDefinition;
  subject: NoticeSubject | null;
}

const registries = new WeakMap<readonly Module[], Map<string, NotificationKindDefinition>>();

/** Every kind the modules declare, by kind (a kind declared twice is a programming error). */
export function notificationKinds(
  modules: readonly Module[],
): ReadonlyMap<string, NotificationKindDefinition> {
  let registry = registries.get(modules);
  if (registry) return registry;
  registry = new Map();
  for (const module of modules) {
    for (const definition of module.notificationKinds ?? []) {
      if (registry.has(definition.kind))
        throw new Error(`notification kind ${definition.kind} is declared twice (module ${module.name})`);
      registry.set(definition.kind, definition);
    }
  }
  registries.set(modules, registry);
  return registry;
}

/** A stored or queued event checked against its kind's schema; null when the kind is unknown or it is damaged. */
export function readNotice(
  kinds: ReadonlyMap<string, NotificationKindDefinition>,
  raw: unknown,
): { event: NoticeEvent; definition: NotificationKindDefinition } | null {
  if (!raw || typeof raw !== 'object') return null;
  const definition = kinds.get(String((raw as { kind?: unknown }).kind));
  if (!definition) return null;
  const parsed = definition.event.safeParse(raw);
  return parsed.success ? { event: parsed.data, definition } : null;
}

/** Looks up what the notices name: one query per lookup for the whole list. */
export async function withSubjects(
  db: Executor,
  notices: readonly { event: NoticeEvent; definition: NotificationKindDefinition }[],
): Promise<RenderableNotice[]> {
  const wanted = new Map<NotificationKindDefinition['subject']['lookup'], Set<string>>();
  for (const { event, definition } of notices) {
    const ids = wanted.get(definition.subject.lookup) ?? new Set<string>();
    ids.add(definition.subject.id(event));
    wanted.set(definition.subject.lookup, ids);
  }
  const found = new Map<
    NotificationKindDefinition['subject']['lookup'],
    ReadonlyMap<string, NoticeSubject>
  >();
  await Promise.all(
    [...wanted].map(async ([lookup, ids]) => found.set(lookup, await lookup.load(db, [...ids]))),
  );
  return notices.map(({ event, definition }) => ({
    event,
    definition,
    subject: found.get(definition.subject.lookup)?.get(definition.subject.id(event)) ?? null,
  }));
}
