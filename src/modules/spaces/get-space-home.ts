import type { ComponentChild } from 'preact';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { BoundedMemo } from '../../kernel/bounded-memo.js';
import { type SpaceAccess, spaceAccess } from './space-access.js';
import { itemKinds } from './space-items.js';
import { type SpaceStructure, spaceStructure } from './space-structure.js';
import { type SpaceView, type ViewItem, type ViewSection, viewOfStructure } from './space-view.js';
import {
  currentPhase,
  dueItems,
  lockOf,
  nextToDo,
  type Phase,
  type PhaseNow,
  percent,
  phaseSpans,
  type Tally,
  tally,
} from './spaces.js';
import { listPersonProgress } from './spaces.repository.js';

/** How many due items the home lists. */
export const DUE_SHOWN = 5;

/**
 * The part of the home that is the same for every reader in the same state (see `homeKey`): kept, shared by
 * those readers and never changed (its HTML is rendered once per language on the object itself).
 */
export interface KeptSpaceHome {
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
  /** Every item in reading order, as the reader sees it (the kinds' blocks are made from the open ones). */
  items: ViewItem[];
  overall: { tally: Tally; percent: number };
  can: { learn: boolean; build: boolean; seeEveryone: boolean };
}

/** The space's home: "what do I do now?". */
export interface SpaceHome extends KeptSpaceHome {
  /** The kinds' own blocks (`SpaceItemKind.homeBlock`: the next webinars …), in module order, made per request. */
  blocks: ComponentChild[];
  /** The kept part this home was made from: the same object for every reader in the same state. */
  kept: KeptSpaceHome;
}

/** The kinds' home blocks over the items the viewer may open. */
async function kindBlocks(
  db: Executor,
  deps: Services,
  actor: Actor,
  access: SpaceAccess,
  viewItems: readonly ViewItem[],
  viewer: { locale: Locale; timeZone: string },
): Promise<ComponentChild[]> {
  const blocks: ComponentChild[] = [];
  for (const kind of itemKinds(deps)) {
    if (!kind.homeBlock) continue;
    const items = viewItems.filter((i) => i.kind === kind.kind && i.locked === null);
    if (items.length === 0) continue;
    const can = { edit: access.can.build, seeEveryone: access.can.seeEveryone };
    const block = await kind.homeBlock(db, deps, items, { actor, ...viewer, can });
    if (block) blocks.push(block);
  }
  return blocks;
}

/**
 * Homes kept by `homeKey` (every reader's state in it). A kept structure is a new object once a space table
 * is written, so its number changes and the homes made from the old one are never found again (they go when
 * the memo is full); the reader's progress, zone and rights and the edition's dates are read per request and
 * are in the key, so a write to them changes the key too. About 20 KB each with its HTML in one language.
 */
const keptHomes = new BoundedMemo<KeptSpaceHome>(2000);
const structureNumbers = new WeakMap<object, number>();
let lastNumber = 0;

/** A number per kept object (a structure, a course title: both replaced, never changed, when written). */
function numberOf(value: object): number {
  let n = structureNumbers.get(value);
  if (n === undefined) {
    n = ++lastNumber;
    structureNumbers.set(value, n);
  }
  return n;
}

/**
 * Each item's state for the reader at `now`, one letter per item in reading order: open, opening at a date,
 * after another item (lower case), the same when completed (upper case). Everything the home shows of the
 * items depends on these and the structure only.
 */
export function readerState(structure: SpaceStructure, completed: ReadonlySet<string>, now: string): string {
  let state = '';
  for (const section of structure.sections)
    for (const item of section.items) {
      const lock = lockOf(item, now, completed);
      const letter = lock === null ? 'o' : lock.reason === 'date' ? 'w' : 'a';
      state += completed.has(item.id) ? letter.toUpperCase() : letter;
    }
  return state;
}

/** Everything besides the structure and the items' states that the kept home shows. */
function homeKey(access: SpaceAccess, structure: SpaceStructure, learner: boolean, today: string): string {
  const { edition, course, viewer, can } = access;
  return [
    numberOf(structure),
    today,
    viewer.timeZone,
    viewer.timeZoneSet,
    learner,
    can.learn,
    can.build,
    can.seeEveryone,
    numberOf(course.title),
    course.code,
    edition.code,
    edition.startsOn,
    edition.endsOn,
    edition.selfPacedStart,
    edition.selfPacedEnd,
    edition.liveStart,
    edition.liveEnd,
    edition.residentialStart,
    edition.residentialEnd,
    edition.assignmentDue,
  ].join('|');
}

/** The home's kept part from the reader's view of the space. */
function makeHome(access: SpaceAccess, view: SpaceView, learner: boolean, now: string): KeptSpaceHome {
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
    items: view.items,
    overall: { tally: overall, percent: percent(overall) },
    can: access.can,
  };
}

/**
 * The home of an edition's space for its participants and staff (others: not found). Two statements (the
 * space's context, the reader's progress); the rest is kept per reader state (`homeKey`, `readerState`) but
 * the kinds' blocks (the next webinars: relative to now), made per request.
 */
export async function getSpaceHome(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale = 'en',
): Promise<SpaceHome> {
  const access = await spaceAccess(db, actor, editionId);
  const now = deps.clock.now().toISOString();
  const learner = access.can.learn && actor.kind === 'user';
  const space = access.space;
  let kept: KeptSpaceHome;
  if (!space) {
    kept = makeHome(access, viewOfStructure({ sections: [] }, new Set(), new Set(), now), learner, now);
  } else {
    const [structure, progress] = await Promise.all([
      spaceStructure(db, space.id, access.edition.id),
      learner ? listPersonProgress(db, space.id, actor.id) : [],
    ]);
    const completed = new Set<string>();
    for (const row of progress) if (row.completed_at) completed.add(row.item_id);
    const key = `${homeKey(access, structure, learner, now.slice(0, 10))}|${readerState(structure, completed, now)}`;
    kept = keptHomes.get(key, () =>
      makeHome(access, viewOfStructure(structure, completed, new Set(), now), learner, now),
    );
  }
  const blocks = await kindBlocks(db, deps, actor, access, kept.items, { locale, timeZone: kept.timeZone });
  return { ...kept, blocks, kept };
}
