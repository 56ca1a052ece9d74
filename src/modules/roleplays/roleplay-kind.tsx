/**
 * The `roleplay` item kind of course spaces: a role-play exercise whose data (scenario, roles, briefs,
 * holders, phases, outcome, debrief) lives in this module's tables, keyed by the item id. The builder saves
 * the item with empty settings and leads to the exercise's staff page.
 */
import { z } from 'zod';
import { translator } from '../../i18n/i18n.js';
import { spaceAccess } from '../spaces/space-access.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { roleplayViewOf } from './get-roleplay.js';
import { ROLEPLAY_KIND } from './roleplay-access.js';
import { RoleplayBody } from './views/roleplay-body.js';

export const roleplaySettingsSchema = z.object({});

export const roleplayKind = defineSpaceItemKind<z.infer<typeof roleplaySettingsSchema>>({
  kind: ROLEPLAY_KIND,
  label: 'roleplays.kind.label',
  completionRules: ['viewed', 'marked-done'],
  settings: roleplaySettingsSchema,
  async render(db, deps, item, viewer) {
    const space = viewer.space ?? (await spaceAccess(db, viewer.actor, item.editionId));
    const view = await roleplayViewOf(db, deps, viewer.actor, item, space, { openChecked: true });
    return <RoleplayBody t={translator(viewer.locale)} view={view} timeZone={viewer.timeZone} />;
  },
  editPath: (item) => `/roleplays/${item.id}/manage`,
});
