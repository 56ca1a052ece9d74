/**
 * The participant's assignment page's own statements, built and compiled once per engine (`reusableQuery`):
 * who the reader is to the edition (a confirmed place, their time zone) in one statement, and their attempts
 * with their files in one (a left join) instead of two. The submissions' kept fingerprints (`text_prints`)
 * are never read here.
 */
import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { confirmedPlacesView } from '../places/places.read-models.repository.js';
import type { FileRow, SubmissionRow } from './assignments.tables.js';

/** A submission row as the participant's page reads it (without its fingerprints). */
export type AttemptRow = Omit<SubmissionRow, 'text_prints'>;

const viewerOfEdition = reusableQuery((db, editionId: string, userId: string) =>
  db
    .selectFrom(usersView(db).as('viewer'))
    .select((eb) => [
      'viewer.time_zone',
      eb
        .exists(
          eb
            .selectFrom(confirmedPlacesView(db).as('places'))
            .select('places.user_id')
            .where('places.edition_id', '=', editionId)
            .whereRef('places.user_id', '=', 'viewer.id'),
        )
        .as('is_participant'),
    ])
    .where('viewer.id', '=', userId),
);

/** The reader's time zone (null: not set) and whether they hold a confirmed place in the edition. */
export async function findViewerOfEdition(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<{ timeZone: string | null; participant: boolean }> {
  const row = (await viewerOfEdition(db, editionId, userId))[0];
  // SQLite answers `exists` with 0/1, PostgreSQL with a boolean.
  return { timeZone: row?.time_zone ?? null, participant: Boolean(row?.is_participant) };
}

const ATTEMPT_COLUMNS = [
  's.id',
  's.assignment_id',
  's.person_id',
  's.attempt',
  's.status',
  's.text',
  's.declared',
  's.submitted_at',
  's.late',
  's.digest',
  's.reopened_at',
  's.reopen_reason',
  's.group_id',
  's.language',
  's.created_at',
  's.updated_at',
] as const;

const FILE_COLUMNS = [
  'f.id as file_id',
  'f.rank as file_rank',
  'f.type as file_type',
  'f.original_name as file_original_name',
  'f.marker_name as file_marker_name',
  'f.size_bytes as file_size_bytes',
  'f.sha256 as file_sha256',
  'f.storage_key as file_storage_key',
  'f.uploaded_at as file_uploaded_at',
] as const;

/** A person's or a group's attempts (below) with their files: the part the two share. */
function attemptsWithFilesOf(db: Executor, assignmentId: string) {
  return db
    .selectFrom('assignment_submissions as s')
    .leftJoin('assignment_files as f', 'f.submission_id', 's.id')
    .select(ATTEMPT_COLUMNS)
    .select(FILE_COLUMNS)
    .where('s.assignment_id', '=', assignmentId)
    .orderBy('s.attempt')
    .orderBy('f.rank');
}

const attemptsOfPerson = reusableQuery((db, assignmentId: string, personId: string) =>
  attemptsWithFilesOf(db, assignmentId).where('s.person_id', '=', personId).where('s.group_id', 'is', null),
);

const attemptsOfGroup = reusableQuery((db, assignmentId: string, groupId: string) =>
  attemptsWithFilesOf(db, assignmentId).where('s.group_id', '=', groupId),
);

type JoinedRow = Awaited<ReturnType<typeof attemptsOfPerson>>[number];

/**
 * The attempts of a person alone, or of their group's submission (oldest first), each with its files (by
 * rank): one statement. Same rows as `listAttempts` and `listFiles`, less the fingerprints.
 */
export async function listAttemptsWithFiles(
  db: Executor,
  assignmentId: string,
  work: { personId: string; groupId: string | null },
): Promise<{ row: AttemptRow; files: FileRow[] }[]> {
  const rows: JoinedRow[] = work.groupId
    ? await attemptsOfGroup(db, assignmentId, work.groupId)
    : await attemptsOfPerson(db, assignmentId, work.personId);
  const out: { row: AttemptRow; files: FileRow[] }[] = [];
  for (const joined of rows) {
    const {
      file_id,
      file_rank,
      file_type,
      file_original_name,
      file_marker_name,
      file_size_bytes,
      file_sha256,
      file_storage_key,
      file_uploaded_at,
      ...row
    } = joined;
    let last = out.at(-1);
    if (last?.row.id !== row.id) {
      last = { row, files: [] };
      out.push(last);
    }
    if (file_id === null) continue;
    last.files.push({
      id: file_id,
      submission_id: row.id,
      rank: file_rank as number,
      type: file_type as string,
      original_name: file_original_name as string,
      marker_name: file_marker_name as string,
      size_bytes: file_size_bytes as number,
      sha256: file_sha256 as string,
      storage_key: file_storage_key as string,
      uploaded_at: file_uploaded_at as string,
    });
  }
  return out;
}
