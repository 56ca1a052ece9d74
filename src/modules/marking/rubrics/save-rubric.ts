import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { LOCALES } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId, newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canMarking } from '../marking.policy.js';
import {
  listMarks,
  reopenMarks,
  unreleasedOnOlderVersions,
  updateSubmission,
} from '../marking.repository.js';
import {
  findRubric,
  insertRubric,
  insertRubricVersion,
  latestRubricVersion,
  touchRubric,
  updateRubricVersionCriteria,
} from './marking-rubrics.repository.js';
import { CRITERIA_MAX, criteriaSchema, LEVELS_MAX, REMARK_DECISIONS } from './rubric.js';

export const rubricSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  criteria: criteriaSchema,
  /**
   * Editing a rubric that marks use: `keep` (the marks stay on their version; the new version is for what
   * is marked next) or `remark` (every unreleased submission moves to the new version, its marks re-opened).
   */
  remark: z
    .union([z.literal(''), z.enum(REMARK_DECISIONS, 'validation.invalidChoice')])
    .optional()
    .transform((v) => v || null),
});

/**
 * Pure: a rubric form's rows (`c1.title`, its translations `c1.title.en|fr|es`, `c1.weight`, `c1.maxPoints`,
 * `c1.levels` with one "label = points" per line) as the schema reads them; rows without a title are left out.
 */
export function rubricFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const criteria = [];
  for (let i = 1; i <= CRITERIA_MAX; i++) {
    const title = String(body[`c${i}.title`] ?? '').trim();
    if (!title) continue;
    const levels = String(body[`c${i}.levels`] ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(0, LEVELS_MAX + 1)
      .map((line) => {
        const at = line.lastIndexOf('=');
        return {
          label: at > 0 ? line.slice(0, at).trim() : line,
          points: at > 0 ? Number(line.slice(at + 1).trim()) : Number.NaN,
        };
      });
    // The title in each interface language (`c1.title.fr` …), left out where empty.
    const titles = Object.fromEntries(
      LOCALES.map((locale) => [locale, String(body[`c${i}.title.${locale}`] ?? '').trim()]).filter(
        ([, text]) => text,
      ),
    );
    criteria.push({
      id: `c${i}`,
      title,
      ...(Object.keys(titles).length ? { titles } : {}),
      weight: Number(body[`c${i}.weight`] || 1),
      maxPoints: Number(body[`c${i}.maxPoints`] || 0),
      levels,
    });
  }
  return { title: body.title, criteria, remark: body.remark };
}

/**
 * "Re-mark": the unreleased submissions on older versions of the rubric move to the new one; their marks
 * are re-opened (scores kept where the criterion still exists, totals cleared), any agreement is undone, and
 * the submission goes back to marking (or stays not marked). Released marks are final: never touched.
 */
async function remarkOnNewVersion(trx: Executor, rubricId: string, versionId: string, now: string) {
  const rows = await unreleasedOnOlderVersions(trx, rubricId, versionId);
  const marked = new Set(
    (
      await listMarks(
        trx,
        rows.map((r) => r.id),
      )
    ).map((m) => m.submission_id),
  );
  for (const row of rows)
    await updateSubmission(trx, row.id, {
      rubric_version_id: versionId,
      state: marked.has(row.id) ? 'in-marking' : 'not-marked',
      agreed_mark: null,
      agreed_note: null,
      agreed_by: null,
      feedback_json: null,
      updated_at: now,
    });
  await reopenMarks(
    trx,
    rows.map((r) => r.id),
    now,
  );
  return rows.length;
}

/**
 * Creates a rubric template or edits one. Editing a version that marks already use makes a new version
 * and needs a re-mark decision (`remark`: keep the marks on their version, or re-mark every unreleased
 * submission on the new one), audited with the rubric: a marked rubric is never changed under its marks.
 */
export async function saveRubric(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  rubricId: string | null,
  input: unknown,
): Promise<{ id: string; version: number }> {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.rubrics'));
  const data = parseInput(rubricSchema, input);
  return inTransaction(db, async (trx) => {
    const now = deps.clock.now().toISOString();
    let id = rubricId;
    let version = 1;
    let remarked = 0;
    if (id === null) {
      id = newId();
      await insertRubric(trx, {
        id,
        title: data.title,
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      await insertRubricVersion(trx, {
        id: newId(),
        rubric_id: id,
        version: 1,
        criteria_json: JSON.stringify(data.criteria),
        frozen_at: null,
        created_at: now,
      });
    } else {
      if (!isId(id) || !(await findRubric(trx, id))) throw new AppError('not_found');
      await touchRubric(trx, id, data.title, now);
      const latest = await latestRubricVersion(trx, id);
      if (latest && latest.frozen_at === null) {
        version = latest.version;
        await updateRubricVersionCriteria(trx, latest.id, JSON.stringify(data.criteria));
      } else {
        // Marks use this version: the editor decides what happens to them (never silently).
        if (latest && !data.remark)
          throw new AppError('validation_failed', {}, [
            { path: 'remark', key: 'marking.error.remarkDecision' },
          ]);
        version = (latest?.version ?? 0) + 1;
        const versionId = newId();
        await insertRubricVersion(trx, {
          id: versionId,
          rubric_id: id,
          version,
          criteria_json: JSON.stringify(data.criteria),
          frozen_at: null,
          created_at: now,
        });
        if (data.remark === 'remark') remarked = await remarkOnNewVersion(trx, id, versionId, now);
      }
    }
    await audit(trx, deps.clock, actor, {
      action: 'marking.rubric-saved',
      targetType: 'marking_rubric',
      targetId: id,
      after: {
        title: data.title,
        version,
        criteria: data.criteria.length,
        ...(data.remark ? { remark: data.remark, remarked } : {}),
      },
    });
    return { id, version };
  });
}
