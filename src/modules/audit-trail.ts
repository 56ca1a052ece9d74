import type { Executor } from '../db/database.js';
import type { Locale } from '../i18n/i18n.js';
import { type AuditEvent, type AuditTrail, auditReferences } from '../kernel/audit.js';
import type { Module } from './module.js';

/**
 * A history ready to show: the events with the names, in `locale`, of the people and things they refer to,
 * each named by the module that owns it (`auditNames` in its descriptor).
 */
export async function auditTrailOf(
  db: Executor,
  modules: readonly Module[],
  events: AuditEvent[],
  locale: Locale,
): Promise<AuditTrail> {
  const references = auditReferences(events);
  const names: Record<string, string> = {};
  if (references.length === 0) return { events, names };
  for (const module of modules) {
    if (!module.auditNames) continue;
    for (const [reference, name] of await module.auditNames(db, references, locale))
      names[reference] ??= name;
  }
  return { events, names };
}
