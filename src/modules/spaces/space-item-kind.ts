/**
 * The extension point of course spaces: every kind of item a space holds (a page, a file, a link, a SCORM
 * or cmi5 package, a webinar; later a discussion, a debate, a case, a role-play, a group task, an
 * assignment) is declared by the module that owns it, in its descriptor (`Module.spaceItemKinds`). The
 * spaces module keeps the structure (sections, items, order, availability, completion rules, progress) and
 * hosts every item's page; the kind's module keeps its own data (in its own tables, keyed by the item id)
 * and says what the item looks like and when it is done.
 *
 * PERSISTED SHAPES: `kind` names and `settings` (stored as JSON on the item) must keep reading what was
 * written.
 */
import type { ComponentChild } from 'preact';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale, Translator } from '../../i18n/i18n.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import type { SpaceAccess } from './space-access.js';

/** When an item counts as done for a person (a facilitator chooses among those the kind allows). */
export const COMPLETION_RULES = [
  'viewed',
  'marked-done',
  'passed',
  'completed',
  'attended',
  'submitted',
] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];

/**
 * What a kind reports about one person and one item (`recordItemOutcome`, spaces' internal command); the
 * spaces module decides from the item's completion rule whether the item is now complete. `score` is in
 * hundredths of a percent (0–10000), never a float.
 */
export type ItemOutcome =
  | { kind: 'viewed' }
  | { kind: 'marked-done' }
  | { kind: 'completed' }
  | { kind: 'passed'; score?: number }
  | { kind: 'failed'; score?: number }
  | { kind: 'attended' }
  | { kind: 'submitted' };

/** An item as a kind sees it. */
export interface SpaceItemRef<S = unknown> {
  id: string;
  spaceId: string;
  editionId: string;
  kind: string;
  title: LocalizedText;
  settings: S;
  completionRule: CompletionRule;
  required: boolean;
  /** ISO instants (UTC) or null. */
  availableFrom: string | null;
  dueAt: string | null;
}

/** Who is looking at an item page, and what they may do there (from the spaces policy). */
export interface ItemViewer {
  actor: Actor;
  locale: Locale;
  timeZone: string;
  can: { edit: boolean; seeEveryone: boolean };
  /** The edition's space as the page found it for this actor (a kind need not read it again). */
  space?: SpaceAccess;
}

/** Options a kind's settings fields offer, by field name (`settings.groupSetId` → the edition's group sets). */
export type SettingsChoices = Record<string, { value: string; label: string }[]>;

/** What the builder gives a kind's settings fields: the language, re-displayed values, field errors, choices. */
export interface SettingsForm {
  t: Translator;
  /** What `settingsChoices` gave for the item's edition (empty when the kind has none). */
  choices: SettingsChoices;
  /** Values typed before a refused save, by field name (`settings.url` …). */
  values: Record<string, string>;
  /** Translated problems by field name. */
  errors: Record<string, string>;
}

/** One kind of item. */
export interface SpaceItemKind<S = unknown> {
  /** Stable code: `page`, `file`, `link`, `package`, `webinar` … */
  kind: string;
  /** Message id of the kind's name (the builder's "Add …" menu). */
  label: string;
  /** The rules a facilitator may choose for items of this kind (the first is the default). */
  completionRules: readonly CompletionRule[];
  /** The kind's settings, checked when an item is saved (kinds whose data lives in their tables keep little here). */
  settings: z.ZodType<S>;
  /**
   * The item's body on its page (`/spaces/:editionId/items/:itemId`), for a participant or staff; the
   * spaces module frames it (title, section, due date, completion, navigation to the next item).
   */
  render(db: Executor, deps: Services, item: SpaceItemRef<S>, viewer: ItemViewer): Promise<ComponentChild>;
  /**
   * The kind's own fields in the builder's item form (inputs named `settings.<field>`, read back into
   * `settings`); without it the item is saved with empty settings and `editPath` leads to the kind's pages.
   */
  settingsFields?(item: SpaceItemRef<S> | null, form: SettingsForm): ComponentChild;
  /** Options the settings fields offer that depend on the edition (read when the builder shows the item form). */
  settingsChoices?(db: Executor, deps: Services, editionId: string): Promise<SettingsChoices>;
  /** Whether the builder's item form uploads a file (multipart; the kind's upload route stores it). */
  uploads?: boolean;
  /**
   * Where the builder's "Add …" link leads for kinds created on their own pages (a package is uploaded, an
   * assignment has its own form); without it, the builder's item form.
   */
  createPath?(editionId: string, sectionId: string): string;
  /** Where the builder sends a facilitator to create or edit the kind's own data (null: the settings form suffices). */
  editPath?(item: SpaceItemRef<S>): string | null;
  /** Copies the kind's own data to a new item of a later edition, every date shifted by `days`; returns its settings. */
  copy?(db: Executor, deps: Services, from: SpaceItemRef<S>, to: SpaceItemRef<S>, days: number): Promise<S>;
  /**
   * A block on the space's home about this kind's items (e.g. "next webinars"), given the items of the
   * space the viewer may open; null or nothing when there is nothing to say.
   */
  homeBlock?(
    db: Executor,
    deps: Services,
    items: readonly SpaceItemRef<S>[],
    viewer: ItemViewer,
  ): Promise<ComponentChild>;
  /** Files for the offline pack (pages and files: yes; packages and webinars: no). */
  offline?(
    db: Executor,
    deps: Services,
    item: SpaceItemRef<S>,
    t: Translator,
  ): Promise<{ name: string; bytes: Uint8Array }[]>;
}

/** Declares a kind with its settings type checked against its definition. */
export function defineSpaceItemKind<S>(kind: SpaceItemKind<S>): SpaceItemKind {
  return kind as unknown as SpaceItemKind;
}
