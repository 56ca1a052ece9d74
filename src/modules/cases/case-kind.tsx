/**
 * The `case` item kind of course spaces: a case study whose data (context, news released at set dates,
 * questions, answers and feedback, debrief) lives in this module's tables, keyed by the item id.
 */
import { z } from 'zod';
import { translator } from '../../i18n/i18n.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { CASE_KIND } from './case-access.js';
import { caseViewOf, getCase } from './get-case.js';
import { CaseBody } from './views/case-body.js';

export const caseSettingsSchema = z.object({});

export const caseKind = defineSpaceItemKind<z.infer<typeof caseSettingsSchema>>({
  kind: CASE_KIND,
  label: 'cases.kind.label',
  completionRules: ['viewed', 'marked-done'],
  settings: caseSettingsSchema,
  async render(db, deps, item, viewer) {
    // The item page renders the body only when the item is open to the reader: no second reading of the space.
    const view = viewer.space
      ? await caseViewOf(db, deps, viewer.actor, item, viewer.space)
      : await getCase(db, deps, viewer.actor, item.id, { openChecked: true });
    return <CaseBody t={translator(viewer.locale)} view={view} timeZone={viewer.timeZone} />;
  },
  editPath: (item) => `/cases/${item.id}/manage`,
});
