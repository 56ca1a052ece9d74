import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { FormBody } from '../../../http/forms.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { getMarkingPage, type MarkingPage } from '../get-marking-views.js';
import { findRubricVersion, listBankComments, listRubrics } from './marking-rubrics.repository.js';
import { bankOwner } from './save-bank-comment.js';

export interface BankComment {
  id: string;
  text: string;
  /** The rubric it is for (null: any rubric). */
  rubricTitle: string | null;
}

/** The marker's own comment bank (every rubric's), with the rubrics a comment may be kept for. */
export async function getCommentBank(
  db: Executor,
  _deps: Services,
  actor: Actor,
): Promise<{ comments: BankComment[]; rubrics: { id: string; title: string }[] }> {
  const markerId = bankOwner(actor);
  const rubrics = (await listRubrics(db)).map((r) => ({ id: r.id, title: r.title }));
  const titles = new Map(rubrics.map((r) => [r.id, r.title]));
  const rows = await listBankComments(db, markerId, null);
  return {
    comments: rows.map((r) => ({
      id: r.id,
      text: r.text,
      rubricTitle: r.rubric_id ? (titles.get(r.rubric_id) ?? null) : null,
    })),
    rubrics,
  };
}

/** The marker's bank comments that fit a marking submission (its rubric's and those for any rubric). */
export async function bankCommentsFor(
  db: Executor,
  markerId: string,
  rubricVersionId: string | null,
): Promise<BankComment[]> {
  const version = rubricVersionId ? await findRubricVersion(db, rubricVersionId) : undefined;
  const rows = await listBankComments(db, markerId, version?.rubric_id ?? null);
  return rows
    .filter((r) => r.rubric_id === null || r.rubric_id === version?.rubric_id)
    .map((r) => ({ id: r.id, text: r.text, rubricTitle: null }));
}

/** Pure: a comment with a bank comment added after it (on its own paragraph). */
export function appendComment(current: string, addition: string): string {
  const trimmed = current.trimEnd();
  return trimmed === '' ? addition : `${trimmed}\n\n${addition}`;
}

/**
 * "Add" from the comment bank, without JavaScript: the mark form comes back as typed, with the chosen bank
 * comment added to the criterion's comment (`insertComment` names the criterion, `bank.<criterion>` the
 * comment). Nothing is saved. Only while the marker may still edit their mark (else 409).
 */
export async function insertBankComment(
  db: Executor,
  deps: Services,
  actor: Actor,
  submissionId: string,
  body: FormBody,
): Promise<{ page: MarkingPage; values: Record<string, string> }> {
  const page = await getMarkingPage(db, deps, actor, submissionId);
  if (!page.can.editMark) throw new AppError('invalid_state');
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string' && key !== '_csrf') values[key] = value;
  const criterion = page.criteria.find((c) => c.id === body.insertComment);
  const comment = page.bank.find((b) => b.id === body[`bank.${criterion?.id}`]);
  if (criterion && comment)
    values[`comment.${criterion.id}`] = appendComment(values[`comment.${criterion.id}`] ?? '', comment.text);
  return { page, values };
}
