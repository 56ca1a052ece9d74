import type { ComponentChild } from 'preact';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { type SpaceAccess, spaceAccess } from './space-access.js';
import { itemKinds } from './space-items.js';
import { loadSpaceView, type SpaceView, type ViewItem, type ViewSection } from './space-view.js';
import {
  currentPhase,
  dueItems,
  nextToDo,
  type Phase,
  type PhaseNow,
  percent,
  phaseSpans,
  type Tally,
  tally,
} from './spaces.js';

/** How many due items the home lists. */
export const DUE_SHOWN = 5;

/** The space's home: "what do I do now?". */
export interface SpaceHome {
  edition: {
    id: string;
    courseTitle: LocalizedText;
    courseCode: string;
    code: string | null;
    startsOn: string;
    endsOn: string;
  };
  today: string;
  phaseNow: PhaseNow;
  phases: { phase: Phase; start: string; end: string; tally: Tally; percent: number; current: boolean }[];
  /** The zone instants are shown in; `timeZoneSet` false when it is the UTC fallback. */
  timeZone: string;
  timeZoneSet: boolean;
  next: ViewItem | null;
  due: ViewItem[];
  sections: ViewSection[];
  overall: { tally: Tally; percent: number };
  /** The kinds' own blocks (`SpaceItemKind.homeBlock`: the next webinars …), in module order. */
  blocks: ComponentChild[];
  can: { learn: boolean; build: boolean; seeEveryone: boolean };
}

/** The kinds' home blocks over the items the viewer may open. */
async function kindBlocks(
  db: Executor,
  deps: Services,
  actor: Actor,
  access: SpaceAccess,
  view: SpaceView,
  viewer: { locale: Locale; timeZone: string },
): Promise<ComponentChild[]> {
  const blocks: ComponentChild[] = [];
  for (const kind of itemKinds(deps)) {
    if (!kind.homeBlock) continue;
    const items = view.items.filter((i) => i.kind === kind.kind && i.locked === null);
    if (items.length === 0) continue;
    const can = { edit: access.can.build, seeEveryone: access.can.seeEveryone };
    const block = await kind.homeBlock(db, deps, items, { actor, ...viewer, can });
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The home of an edition's space for its participants and staff (others: not found). */
export async function getSpaceHome(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale = 'en',
): Promise<SpaceHome> {
  const access = await spaceAccess(db, actor, editionId);
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const learner = access.can.learn && actor.kind === 'user' ? actor.id : null;
  const view = await loadSpaceView(db, access, learner, now);
  const { edition } = access;
  const today = now.slice(0, 10);
  const phaseNow = currentPhase(edition, today);
  const phases = phaseSpans(edition).map((span) => {
    const items = view.sections.filter((s) => s.phase === span.phase).flatMap((s) => s.items);
    const t = tally(items, view.completed);
    return { ...span, tally: t, percent: percent(t), current: span.phase === phaseNow };
  });
  const overall = tally(view.items, view.completed);
  const { timeZone, timeZoneSet } = access.viewer;
  return {
    edition: {
      id: edition.id,
      courseTitle: access.course.title,
      courseCode: access.course.code,
      code: edition.code,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
    },
    today,
    phaseNow,
    phases,
    timeZone,
    timeZoneSet,
    next: learner ? nextToDo(view.items, now, view.completed) : null,
    due: learner ? dueItems(view.items, view.completed).slice(0, DUE_SHOWN) : [],
    sections: view.sections,
    overall: { tally: overall, percent: percent(overall) },
    blocks: await kindBlocks(db, deps, actor, access, view, { locale, timeZone }),
    can: access.can,
  };
}
