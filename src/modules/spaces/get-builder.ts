import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { builderAccess } from './space-access.js';
import type { CompletionRule, SettingsChoices, SpaceItemKind } from './space-item-kind.js';
import { itemKinds } from './space-items.js';
import { loadSpaceView, type ViewItem, type ViewSection } from './space-view.js';
import { listCopySources } from './spaces.repository.js';

/** A kind as the builder offers it. */
export interface BuilderKind {
  kind: string;
  label: string;
  completionRules: readonly CompletionRule[];
  definition: SpaceItemKind;
}

/** The builder: the space's sections and items in order, the kinds to add, the builder's time zone. */
export interface Builder {
  edition: { id: string; courseTitle: LocalizedText; courseCode: string; startsOn: string };
  sections: ViewSection[];
  items: ViewItem[];
  kinds: BuilderKind[];
  timeZone: string;
  /** Other editions of the course whose space can be copied here (only while this space is empty). */
  copySources: { id: string; code: string | null; startsOn: string; language: string }[];
  can: { build: true; seeEveryone: boolean };
}

/** The builder of an edition's space (its facilitators and managers; participants 403, others 404). */
export async function getBuilder(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<Builder> {
  const access = await builderAccess(db, actor, editionId);
  const view = await loadSpaceView(db, access, null, deps.clock.now().toISOString());
  return {
    edition: {
      id: access.edition.id,
      courseTitle: access.course.title,
      courseCode: access.course.code,
      startsOn: access.edition.startsOn,
    },
    sections: view.sections,
    items: view.items,
    kinds: itemKinds(deps).map((k) => ({
      kind: k.kind,
      label: k.label,
      completionRules: k.completionRules,
      definition: k,
    })),
    copySources:
      view.sections.length === 0
        ? (await listCopySources(db, access.course.id, access.edition.id)).map((r) => ({
            id: r.id,
            code: r.code,
            startsOn: r.starts_on,
            language: r.language,
          }))
        : [],
    timeZone: access.viewer.timeZone,
    can: { build: true, seeEveryone: access.can.seeEveryone },
  };
}

/** The builder with one item (not found when it is not in this space). */
export function builderItem(builder: Builder, itemId: string): ViewItem {
  const item = builder.items.find((i) => i.id === itemId);
  if (!item) throw new AppError('not_found');
  return item;
}

/** The builder with one section (not found when it is not in this space). */
export function builderSection(builder: Builder, sectionId: string): ViewSection {
  const section = builder.sections.find((s) => s.id === sectionId);
  if (!section) throw new AppError('not_found');
  return section;
}

/** The options a kind's settings fields offer in the builder's edition (none for most kinds). */
export async function kindSettingsChoices(
  db: Executor,
  deps: Services,
  builder: Builder,
  kind: BuilderKind,
): Promise<SettingsChoices> {
  return (await kind.definition.settingsChoices?.(db, deps, builder.edition.id)) ?? {};
}
