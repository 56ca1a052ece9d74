/**
 * The database as Kysely sees it. PERSISTED SHAPES: these mirror the migrations in ./migrations; change
 * both together (through a new migration). Conventions: ids UUIDv7 text; timestamps ISO-8601 UTC text;
 * dates `YYYY-MM-DD`; booleans 0/1; JSON and per-language content (`*_i18n`) as JSON text.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AdmissionSettingsTable,
  ApplicationCommentsTable,
  ApplicationDecisionsTable,
  ApplicationFilesTable,
  ApplicationReviewersTable,
  ApplicationScoresTable,
  ApplicationsTable,
} from './tables/admissions.js';
import type {
  CredentialComponentsTable,
  CredentialSubjectsTable,
  CredentialsTable,
  IssuerProfilesTable,
  StatusListsTable,
} from './tables/credentials.js';
import type {
  MailDeliveriesTable,
  NotificationPreferencesTable,
  NotificationsTable,
} from './tables/notifications.js';

export type * from './tables/admissions.js';
export type * from './tables/credentials.js';
export type * from './tables/notifications.js';

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  full_name: string;
  preferred_locale: string;
  email_verified_at: string | null;
  country: string | null;
  constituency: string | null;
  organisation: string | null;
  job_title: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface OneTimeTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  purpose: string;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** The client addresses an account recently signed in from (the back-off never locks it out of them). */
export interface SignInAddressesTable {
  user_id: string;
  address: string;
  last_success_at: string;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  before_json: string | null;
  after_json: string | null;
}

export interface ThemesTable {
  id: string;
  slug: string;
  position: number;
  name_i18n: string;
  description_i18n: string;
}

export interface ProgrammesTable {
  id: string;
  slug: string;
  title_i18n: string;
  summary_i18n: string;
  description_i18n: string;
  audience_i18n: string;
  eligibility_i18n: string;
  certification_i18n: string;
  window_years: number;
  electives_required: number;
  total_hours: number;
  capstone_hours: number;
  /** 1: a candidacy that becomes awardable gets its diploma without a manager's click. */
  award_automatically: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeThemesTable {
  programme_id: string;
  theme_id: string;
}

export interface CoursesTable {
  id: string;
  code: string;
  title_i18n: string;
  summary_i18n: string;
  description_i18n: string;
  learning_hours: number;
  credential_on_success: string;
  status: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CourseThemesTable {
  course_id: string;
  theme_id: string;
}

export interface ProgrammeCoursesTable {
  programme_id: string;
  course_id: string;
  role: string;
}

export interface CourseEquivalencesTable {
  course_id: string;
  counts_as_course_id: string;
}

export interface EditionsTable {
  id: string;
  course_id: string;
  code: string | null;
  language: string;
  mode: string;
  place_i18n: string;
  starts_on: string;
  ends_on: string;
  self_paced_start: string | null;
  self_paced_end: string | null;
  live_start: string | null;
  live_end: string | null;
  residential_start: string | null;
  residential_end: string | null;
  assignment_due: string | null;
  capacity: number | null;
  registration_open: number;
  registration_deadline: string | null;
  fee_amount: number | null;
  fee_currency: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface EditionFacilitatorsTable {
  edition_id: string;
  user_id: string;
}

export interface CourseSearchTable {
  course_id: string;
  body: string;
}

export interface RuleVersionsTable {
  id: string;
  programme_id: string;
  version: number;
  effective_from: string;
  rules_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CandidaciesTable {
  id: string;
  programme_id: string;
  user_id: string;
  rule_version_id: string;
  registered_on: string;
  status: string;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  capstone_status: string;
  capstone_completed_on: string | null;
  standing_status: string;
  standing_deadline: string | null;
  standing_at_risk: number;
  standing_awardable: number;
  standing_met: number;
  standing_json: string;
  standing_evaluated_on: string;
  created_at: string;
  updated_at: string;
}

export interface EnrolmentsTable {
  id: string;
  edition_id: string;
  user_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The columns of a place in an edition (places module), added to enrolments; null on older rows. */
export interface EnrolmentPlaceColumns {
  requested_at: string | null;
  funding_kind: string | null;
  funding_name: string | null;
  waitlist_order: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  withdrawn_at: string | null;
}

export interface ResultsTable {
  id: string;
  user_id: string;
  course_id: string;
  enrolment_id: string | null;
  outcome: string;
  grade: string | null;
  started_on: string | null;
  completed_on: string;
  source: string;
  reference: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExtensionsTable {
  id: string;
  candidacy_id: string;
  months: number;
  reason: string;
  granted_by: string | null;
  granted_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload_json: string;
  idempotency_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  progress: number;
  total: number;
  last_error: string | null;
  /** The kind of the last error (`JobErrorKind` in src/jobs/job-errors.ts); null without one. */
  error_kind: string | null;
  /** Failures for an environmental cause, retried on their own budget (src/jobs/run-job.ts). */
  environment_failures: number;
  result_json: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportsTable {
  id: string;
  kind: string;
  status: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  error_count: number;
  rows_json: string;
  errors_json: string;
  summary_json: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportFilesTable {
  import_id: string;
  file_type: string;
  size_bytes: number;
  content: Buffer;
  created_at: string;
}

export interface DB {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_deliveries: MailDeliveriesTable;
  admission_settings: AdmissionSettingsTable;
  applications: ApplicationsTable;
  application_files: ApplicationFilesTable;
  application_reviewers: ApplicationReviewersTable;
  application_scores: ApplicationScoresTable;
  application_comments: ApplicationCommentsTable;
  application_decisions: ApplicationDecisionsTable;
  issuer_profiles: IssuerProfilesTable;
  credential_subjects: CredentialSubjectsTable;
  credentials: CredentialsTable;
  credential_components: CredentialComponentsTable;
  status_lists: StatusListsTable;
  rule_versions: RuleVersionsTable;
  candidacies: CandidaciesTable;
  enrolments: EnrolmentsTable & EnrolmentPlaceColumns;
  results: ResultsTable;
  extensions: ExtensionsTable;
  jobs: JobsTable;
  imports: ImportsTable;
  import_files: ImportFilesTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  api_tokens: ApiTokensTable;
  auth_throttle: AuthThrottleTable;
  sign_in_addresses: SignInAddressesTable;
  audit_events: AuditEventsTable;
  themes: ThemesTable;
  programmes: ProgrammesTable;
  programme_themes: ProgrammeThemesTable;
  courses: CoursesTable;
  course_themes: CourseThemesTable;
  programme_courses: ProgrammeCoursesTable;
  course_equivalences: CourseEquivalencesTable;
  editions: EditionsTable;
  edition_facilitators: EditionFacilitatorsTable;
  course_search: CourseSearchTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type CourseRow = Selectable<CoursesTable>;
export type EditionRow = Selectable<EditionsTable>;
export type ProgrammeRow = Selectable<ProgrammesTable>;
export type ThemeRow = Selectable<ThemesTable>;
export type CandidacyRow = Selectable<CandidaciesTable>;
export type ResultRow = Selectable<ResultsTable>;
export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type PlaceRow = Selectable<EnrolmentsTable & EnrolmentPlaceColumns>;
export type RuleVersionRow = Selectable<RuleVersionsTable>;
export type JobRow = Selectable<JobsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ImportRecordRow = Selectable<ImportsTable>;
export type CredentialRow = Selectable<CredentialsTable>;
export type StatusListRow = Selectable<StatusListsTable>;
export type IssuerProfileRow = Selectable<IssuerProfilesTable>;
