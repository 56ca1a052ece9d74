import type { ComponentChild } from 'preact';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { recordItemOutcome } from './record-item-outcome.js';
import { spaceAccess } from './space-access.js';
import { findItemKind } from './space-items.js';
import { loadSpaceView, type ViewItem } from './space-view.js';
import { outcomeCompletes } from './spaces.js';

/** One item's page: its body from its kind, framed with its section, due date, completion and neighbours. */
export interface ItemPage {
  edition: { id: string; courseTitle: LocalizedText; courseCode: string };
  section: { id: string; title: LocalizedText };
  item: ViewItem;
  /** The kind's rendering (null while the item is locked for this person, or when its kind is gone). */
  body: ComponentChild;
  kindLabel: string | null;
  previous: { id: string; title: LocalizedText } | null;
  next: { id: string; title: LocalizedText } | null;
  /** The item this one waits for, when it is locked for that reason. */
  waitsFor: { id: string; title: LocalizedText } | null;
  timeZone: string;
  can: { learn: boolean; build: boolean; markDone: boolean };
}

/**
 * An item of an edition's space (an item of another edition's space is not found). Opening it counts as
 * "viewed" for a participant once it is open to them.
 */
export async function getItemPage(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  itemId: string,
  locale: Locale,
): Promise<ItemPage> {
  const access = await spaceAccess(db, actor, editionId);
  const now = deps.clock.now().toISOString();
  const learner = access.can.learn && actor.kind === 'user' ? actor.id : null;
  const view = await loadSpaceView(db, access, learner, now);
  const at = view.items.findIndex((i) => i.id === itemId);
  const found = view.items[at];
  if (!found) throw new AppError('not_found');
  let item = found;
  // Opening it again records nothing new (recordItemOutcome would find the same): no transaction then.
  const viewedAgain = view.seen.has(itemId) && !outcomeCompletes(item.completionRule, 'viewed');
  if (learner && !item.locked && !item.complete && !viewedAgain) {
    const recorded = await recordItemOutcome(db, deps, {
      itemId,
      personId: learner,
      outcome: { kind: 'viewed' },
    });
    item = { ...item, complete: recorded.complete };
  }
  const section = view.sections.find((s) => s.id === item.sectionId);
  if (!section) throw new AppError('not_found');
  const { timeZone } = access.viewer;
  const kind = findItemKind(deps, item.kind);
  const hidden = learner !== null && item.locked !== null;
  const body =
    kind && !hidden
      ? await kind.render(db, deps, item, {
          actor,
          locale,
          timeZone,
          can: { edit: access.can.build, seeEveryone: access.can.seeEveryone },
          space: access,
        })
      : null;
  const neighbour = (i: number) => {
    const n = view.items[i];
    return n ? { id: n.id, title: n.title } : null;
  };
  const waiting =
    item.locked?.reason === 'after' ? view.items.find((i) => i.id === item.afterItemId) : undefined;
  return {
    edition: { id: access.edition.id, courseTitle: access.course.title, courseCode: access.course.code },
    section: { id: section.id, title: section.title },
    item,
    body,
    kindLabel: kind?.label ?? null,
    previous: neighbour(at - 1),
    next: neighbour(at + 1),
    waitsFor: waiting ? { id: waiting.id, title: waiting.title } : null,
    timeZone,
    can: {
      learn: access.can.learn,
      build: access.can.build,
      markDone:
        learner !== null &&
        !item.complete &&
        item.locked === null &&
        (item.completionRule === 'marked-done' || item.completionRule === 'viewed'),
    },
  };
}
