/**
 * The shape every domain module has. A module is a folder under `src/modules/` that exports one
 * `Module` object; `src/modules/index.ts` lists them, and the app, the migrator, the job runner, the
 * layout's navigation, the demo seed, the CLI, the notifications service and the route × role tests all
 * loop over that list. Adding a module is a folder plus one line in that list.
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Deps, Services } from '../deps.js';
import type { Locale } from '../i18n/i18n.js';
import type { DailyJob, JobHandler } from '../jobs/job.js';
import type { Role } from '../kernel/actor.js';
import type { AuditEventSchemas } from '../kernel/audit.js';
import type { NotificationKindDefinition } from './notifications/notification-kind.js';
import type { SpaceItemKind } from './spaces/space-item-kind.js';

/** Who may reach a route (the route × role tests read it; the use cases' policies enforce it). */
export type RouteAccess =
  /** Anyone, signed in or not. */
  | 'public'
  /** Anyone signed in; what they see is their own (or checked further by the use case). */
  | 'signed-in'
  /** Holders of one of these roles (checked by the use case's policy; others get 403). */
  | readonly Role[];

/** A link in the site's main navigation. */
export interface NavigationItem {
  href: string;
  /** Message id of its label. */
  label: string;
  /** Who sees it: everyone, signed-in people (any role), or holders of one of the roles. */
  shownTo: 'everyone' | 'signed-in' | readonly Role[];
  /** Position in the navigation (lower first). */
  order: number;
}

/** A command of the `diploma` CLI: `diploma <name> …`. */
export interface CliCommand {
  /** The first word(s): `credentials verify`, `accounts token`. */
  name: string;
  /** The lines it adds to `diploma help`. */
  usage: string;
  /** Whether it needs the configured database (`deps`); commands that work offline say false. */
  needsDatabase: boolean;
  /** Runs it; returns the exit code. */
  run(args: string[], deps: Deps | null): Promise<number>;
}

/** What the demo seed of a module reports (added up and printed after the seed). */
export type SeedCounts = Partial<Record<'themes' | 'courses' | 'editions' | 'people' | 'candidates', number>>;

/** A window extension just granted to a candidate (what `Module.onExtensionGranted` is told). */
export interface ExtensionGranted {
  /** The extension's own id (`extensions.id`). */
  extensionId: string;
  candidacyId: string;
  /** The candidate's account. */
  userId: string;
  programmeId: string;
  months: number;
  reason: string;
}

/** People who have just joined a group (what `Module.onGroupJoined` is told). */
export interface GroupJoined {
  groupId: string;
  editionId: string;
  /** The accounts now in the group that were not in it before the change (placed by someone or by themselves). */
  personIds: readonly string[];
}

/** One module's descriptor. Every member is optional except its name. */
export interface Module {
  /** The folder's name. */
  name: string;
  /** Web pages, forms and machine endpoints outside /api (registered at the root). */
  webRoutes?(app: FastifyInstance, deps: Deps): void;
  /** JSON API routes, registered under `/api/v1` (a token is required unless a route is marked public). */
  apiRoutes?(api: FastifyInstance, deps: Deps): void;
  /** Hooks on every request (installed before any route), e.g. the bell's unread count. */
  hooks?(app: FastifyInstance, deps: Deps): void;
  /** Job kinds this module defines. */
  jobs?: readonly JobHandler[];
  /** Jobs enqueued once a day. */
  dailyJobs?: readonly DailyJob[];
  /** Frozen migrations, keyed by their ISO-timestamped names (applied in name order across modules). */
  migrations?: Readonly<Record<string, Migration>>;
  /** The tables this module owns: it alone writes them, and its repositories alone name them. */
  tables?: readonly string[];
  /** Its audit actions and their payload schemas (from its `<module>.audit.ts`; histories read them). */
  auditEvents?: AuditEventSchemas;
  /**
   * Names, in `locale`, of the things of this module that histories refer to (people, editions, courses),
   * by id or code; references it does not own are left out.
   */
  auditNames?(db: Executor, references: readonly string[], locale: Locale): Promise<Map<string, string>>;
  /** The notification kinds this module sends (rendered and delivered by the notifications module). */
  notificationKinds?: readonly NotificationKindDefinition[];
  /**
   * Runs inside the transaction that grants a candidate a window extension (the pathway's
   * `grantExtension`), after the extension is written: e.g. the capstones module tells the candidate and
   * the supervisor. The pathway knows no module that listens.
   */
  onExtensionGranted?(db: Executor, deps: Services, extension: ExtensionGranted): Promise<void>;
  /**
   * Runs inside the transaction that changed a group's membership (the groups module's formations,
   * placements and self-selection), once per group that people joined: e.g. the roleplays module tells
   * them about the role their new group holds. The groups module knows no module that listens.
   */
  onGroupJoined?(db: Executor, deps: Services, joined: GroupJoined): Promise<void>;
  /** Its links in the main navigation. */
  navigation?: readonly NavigationItem[];
  /** The kinds of items it adds to course spaces (see spaces/space-item-kind.ts). */
  spaceItemKinds?: readonly SpaceItemKind[];
  /** Demo data, loaded after the modules listed before this one. */
  seed?(deps: Deps): Promise<SeedCounts | undefined>;
  /** Its `diploma` commands. */
  cli?: readonly CliCommand[];
  /** Who may reach each of its routes, as `METHOD /path` (every route the module registers is listed). */
  routeAccess?: Readonly<Record<string, RouteAccess>>;
}
