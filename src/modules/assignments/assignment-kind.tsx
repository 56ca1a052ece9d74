/**
 * The `assignment` item kind of course spaces: the individual assignment of an edition. Its data lives in
 * this module's tables (keyed by the id in the item's settings); the item shows the person's dates and
 * standing, and leads to the assignment's page. Submitting records `submitted` on the item.
 */
import { z } from 'zod';
import { translator } from '../../i18n/i18n.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { getAssignmentPage } from './get-assignment-page.js';
import { Moment } from './views/assignment-parts.js';

export const assignmentSettingsSchema = z.object({ assignmentId: z.string().uuid('validation.invalid') });

export const assignmentKind = defineSpaceItemKind<z.infer<typeof assignmentSettingsSchema>>({
  kind: 'assignment',
  label: 'assignments.kind.label',
  completionRules: ['submitted', 'passed'],
  settings: assignmentSettingsSchema,
  async render(db, deps, item, viewer) {
    const page = await getAssignmentPage(
      db,
      deps,
      viewer.actor,
      item.settings.assignmentId,
      deps.clock.now().toISOString(),
    );
    if (page.settings.editionId !== item.editionId) return null;
    const t = translator(viewer.locale);
    const submitted = page.attempts.filter((a) => a.row.status === 'submitted').length;
    return (
      <div class="assignment-item">
        <p>
          {t.t('assignments.dates.dueAt')}: <Moment t={t} iso={page.dates.dueAt} timeZone={viewer.timeZone} />
        </p>
        {page.can.manage ? null : (
          <p>
            {submitted
              ? t.t('assignments.kind.submitted', { count: submitted })
              : t.t('assignments.kind.notSubmitted')}
          </p>
        )}
        <p>
          <a href={`/assignments/${page.settings.id}`}>{t.t('assignments.kind.open')}</a>
        </p>
      </div>
    );
  },
  createPath: (editionId) => `/editions/${encodeURIComponent(editionId)}/assignments/new`,
  editPath: (item) => `/assignments/${item.settings.assignmentId}/edit`,
});
