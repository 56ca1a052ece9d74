/**
 * A case study as one person may see it: the read model behind the item page, the answer page and the
 * staff page. News not yet released and the debrief before the deadline are dropped here for participants,
 * so no view built on it can show them early.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { personNames } from '../identity/identity.queries.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { answerOwnerOf } from './answer-owner.js';
import { type CaseAccess, caseAccess, caseAccessToItem } from './case-access.js';
import { caseContent } from './case-content.js';
import { type AnswerMode, canReadCaseDebrief, isOpenForAnswers, isReleased } from './case-study.js';
import { findAnswer, listAnswers } from './cases.repository.js';

export interface AnswerView {
  id: string;
  owner: string;
  body: string;
  updatedAt: string;
  feedback: string | null;
}

export interface CaseView {
  item: SpaceItemRef;
  context: LocalizedText;
  questions: LocalizedText;
  answerMode: AnswerMode;
  groupSetId: string | null;
  deadlineAt: string | null;
  open: boolean;
  documents: { id: string; title: string; fileName: string; size: number }[];
  news: { id: string; title: LocalizedText; body: LocalizedText; releaseAt: string; released: boolean }[];
  debrief: LocalizedText | null;
  /** The reader's answer (theirs or their group's); null when none yet. */
  mine: AnswerView | null;
  /** Group mode: the reader's group (null: not in a group of the set yet). */
  myGroup: string | null;
  /** Staff: every answer. */
  answers: AnswerView[];
  groupSets: { id: string; name: string }[];
  can: CaseAccess['can'];
}

/** The case item `itemId` for `actor` (others: not found). */
export async function getCase(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  options: { openChecked?: boolean } = {},
): Promise<CaseView> {
  const now = deps.clock.now().toISOString();
  return caseView(db, await caseAccess(db, actor, itemId, now, options), actor, now);
}

/** The case item already found with its space (the space's item page, which checked it is open to the reader). */
export async function caseViewOf(
  db: Executor,
  deps: Services,
  actor: Actor,
  item: SpaceItemRef,
  space: SpaceAccess,
): Promise<CaseView> {
  const now = deps.clock.now().toISOString();
  return caseView(db, await caseAccessToItem(db, actor, item, space, now, { openChecked: true }), actor, now);
}

async function caseView(db: Executor, access: CaseAccess, actor: Actor, now: string): Promise<CaseView> {
  const content = await caseContent(db, access.item.id);
  const { row } = content;
  const staff = access.can.manage;
  const owner = await answerOwnerOf(db, row, actor);
  const [mine, all, sets] = await Promise.all([
    owner && access.can.answer ? findAnswer(db, access.item.id, owner) : Promise.resolve(undefined),
    staff ? listAnswers(db, access.item.id) : Promise.resolve([]),
    staff ? groupSetsOfEdition(db, access.item.editionId) : Promise.resolve([]),
  ]);
  const names = await personNames(
    db,
    all.filter((a) => a.owner_type === 'person').map((a) => a.owner_id),
  );
  const groupNames = new Map(sets.flatMap((s) => s.groups.map((g) => [g.id, g.name] as const)));
  const present = (a: (typeof all)[number]): AnswerView => ({
    id: a.id,
    owner: (a.owner_type === 'group' ? groupNames.get(a.owner_id) : names.get(a.owner_id)) ?? '',
    body: a.body,
    updatedAt: a.updated_at,
    feedback: a.feedback,
  });
  const deadlineAt = row?.deadline_at ?? null;
  const { debrief } = content;
  return {
    item: access.item,
    context: content.context,
    questions: content.questions,
    answerMode: row?.answer_mode === 'group' ? 'group' : 'individual',
    groupSetId: row?.group_set_id ?? null,
    deadlineAt,
    open: isOpenForAnswers(deadlineAt, now),
    documents: content.documents.map((d) => ({ ...d })),
    news: content.releases
      .filter((r) => staff || isReleased(r.releaseAt, now))
      .map((r) => ({ ...r, released: isReleased(r.releaseAt, now) })),
    debrief: canReadCaseDebrief(deadlineAt, now, staff) && Object.keys(debrief).length ? debrief : null,
    mine: mine ? present(mine) : null,
    myGroup: owner?.type === 'group' ? owner.name : null,
    answers: all.map(present),
    groupSets: sets.map((s) => ({ id: s.id, name: s.name })),
    can: access.can,
  };
}

/** The case for its staff page (participants 403). */
export async function getCaseManagement(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<CaseView> {
  const view = await getCase(db, deps, actor, itemId);
  if (!view.can.manage) throw new AppError('forbidden');
  return view;
}

/** The case for its answer page (participants of the edition; staff 403: they give feedback instead). */
export async function getAnswerEditor(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<CaseView> {
  const view = await getCase(db, deps, actor, itemId);
  if (!view.can.answer) throw new AppError('forbidden');
  return view;
}
