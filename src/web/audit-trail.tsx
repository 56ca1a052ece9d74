import type { MessageValues, Translator } from '../i18n/i18n.js';
import type { AuditEvent, AuditTrail as Trail } from '../kernel/audit.js';
import type { PageContext } from './page-context.js';

/** Where the labels of a payload's coded values are, by key (the first catalogue that has the value wins). */
const VALUE_LABELS: Record<string, readonly string[]> = {
  outcome: ['result.outcomeValue.', 'auditLog.cascade.'],
  decision: ['review.decision.made.'],
  beforeOutcome: ['result.outcomeValue.'],
  capstone: ['capstone.status.'],
  beforeCapstone: ['capstone.status.'],
  standing: ['candidate.status.'],
  beforeStanding: ['candidate.status.'],
  kind: ['credential.kind.', 'jobs.kind.'],
};
/** What a reference reads as when its name is unknown (a deleted edition, a former account). */
const UNNAMED: Record<string, string> = {
  user: 'auditLog.somePerson',
  reviewer: 'auditLog.somePerson',
  edition: 'auditLog.someEdition',
  fromEdition: 'auditLog.someEdition',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function label(t: Translator, key: string, value: string): string {
  for (const prefix of VALUE_LABELS[key] ?? [])
    if (t.has(`${prefix}${value}`)) return t.t(`${prefix}${value}`);
  return ISO_DATE.test(value) ? t.date(value) : value;
}

function listOf(t: Translator, items: readonly unknown[], names: Record<string, string>): string {
  const words = items
    .filter((item): item is string => typeof item === 'string')
    .map((item) => names[item] ?? (t.has(`role.${item}`) ? t.t(`role.${item}`) : item));
  return words.length ? words.join(', ') : t.t('auditLog.none');
}

/**
 * Pure: the message values of one side of a payload, each named by its key with `prefix` (`beforeStatus`);
 * a side that is a list (roles) is one value named `listName`.
 */
function sideValues(
  t: Translator,
  side: unknown,
  names: Record<string, string>,
  prefix: string,
  listName: string,
  into: MessageValues,
): void {
  const key = (k: string) => (prefix ? `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}` : k);
  if (Array.isArray(side)) {
    into[listName] = listOf(t, side, names);
    return;
  }
  if (side === null || typeof side !== 'object') return;
  for (const [k, value] of Object.entries(side)) {
    if (k.endsWith('Id') && typeof value === 'string') {
      const base = k.slice(0, -2);
      const fallback = UNNAMED[base];
      const name = names[value] ?? (fallback ? t.t(fallback) : undefined);
      if (name !== undefined) into[key(base)] = name;
    } else if (typeof value === 'string') {
      into[key(k)] = k === 'course' ? (names[value] ?? value) : label(t, k, value);
    } else if (typeof value === 'number') into[key(k)] = value;
    else if (typeof value === 'boolean') into[key(k)] = String(value);
    else if (value === null) into[key(k)] = 'none';
    else if (Array.isArray(value)) into[key(k)] = listOf(t, value, names);
  }
}

/** Pure: an event as a sentence in the reader's language (legacy rows: a generic line, never a failure). */
export function auditSentence(t: Translator, event: AuditEvent, names: Record<string, string>): string {
  const id = `auditLog.event.${event.action}`;
  if (!event.known || !t.has(id)) return t.t('auditLog.legacy', { action: event.action });
  const values: MessageValues = {};
  // The state before is also the context (the edition of a withdrawn place): its values count under their
  // own names unless the state after has them, and as `before…` in any case.
  sideValues(t, event.before, names, '', 'before', values);
  sideValues(t, event.before, names, 'before', 'before', values);
  sideValues(t, event.after, names, '', 'after', values);
  return t.t(id, values);
}

/** Pure: who did it, by name (the platform for its own jobs; a former account when the person is gone). */
export function auditActor(t: Translator, event: AuditEvent, names: Record<string, string>): string {
  if (event.actorId) return names[event.actorId] ?? t.t('auditLog.formerAccount');
  return event.actorLabel.startsWith('system') ? t.t('auditLog.system') : t.t('auditLog.anonymous');
}

/** A history as a table: when, who (by name), what (a sentence in the reader's language). */
export function AuditTrail({ ctx, trail }: { ctx: PageContext; trail: Trail }) {
  const { t } = ctx;
  if (trail.events.length === 0) return <p>{t.t('audit.none')}</p>;
  return (
    <table class="audit">
      <caption class="visually-hidden">{t.t('audit.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('audit.when')}</th>
          <th scope="col">{t.t('audit.who')}</th>
          <th scope="col">{t.t('audit.what')}</th>
        </tr>
      </thead>
      <tbody>
        {trail.events.map((e) => (
          <tr>
            <td>{t.dateTime(e.occurredAt)}</td>
            <td>{auditActor(t, e, trail.names)}</td>
            <td>{auditSentence(t, e, trail.names)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
