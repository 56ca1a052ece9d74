import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { stripPdfMetadata } from '../../assignments/get-submission-file.js';
import { verifyUrl } from '../../credentials/credential-urls.js';
import { listDiplomaStates } from '../../credentials/list-diploma-states.js';
import { personNames } from '../../identity/identity.queries.js';
import type { Abstracts, LibraryLicence } from '../capstone.js';
import { licenceOf } from '../capstone-access.js';
import { findCapstone, listAttempts } from '../capstones.repository.js';
import { contentTypeOf } from '../final/capstone-files.js';
import { abstractOf, type LibraryItem, libraryItem } from './search-library.js';

export interface LibraryEntry extends LibraryItem {
  author: string | null;
  abstracts: Abstracts;
  licence: LibraryLicence;
  policyQuestion: string;
  documentType: string;
  /** The author's verified diploma, when they allow the link and it is valid. */
  diplomaUrl: string | null;
}

async function published(db: Executor, id: string) {
  if (!isId(id)) throw new AppError('not_found');
  const row = await findCapstone(db, id);
  // Unpublished capstones do not exist for the public.
  if (!row || row.published_at === null || row.state !== 'passed') throw new AppError('not_found');
  return row;
}

/** A published library entry (public; anything else is "not found"). */
export async function getLibraryEntry(db: Executor, deps: Services, id: string): Promise<LibraryEntry> {
  const row = await published(db, id);
  const item = await libraryItem(db, deps.config.baseUrl, row);
  const author =
    row.library_show_author === 1 ? ((await personNames(db, [row.user_id])).get(row.user_id) ?? null) : null;
  let diplomaUrl: string | null = null;
  if (row.library_link_diploma === 1) {
    const diploma = (await listDiplomaStates(db, deps, systemActor('library'), [row.candidacy_id])).get(
      row.candidacy_id,
    );
    if (diploma?.status === 'active') diplomaUrl = verifyUrl(deps.config.baseUrl, diploma.credentialId);
  }
  const last = (await listAttempts(db, row.id)).filter((a) => a.submitted_at !== null).at(-1);
  return {
    ...item,
    author,
    abstracts: await abstractOf(db, row),
    licence: licenceOf(row)!,
    policyQuestion: row.policy_question,
    documentType: last?.type ?? 'pdf',
    diplomaUrl,
  };
}

/** A published capstone's document (public; PDF metadata stripped when the author is anonymous). */
export async function getLibraryDocument(db: Executor, deps: Services, id: string) {
  const row = await published(db, id);
  const last = (await listAttempts(db, row.id)).filter((a) => a.submitted_at !== null).at(-1);
  const bytes = last ? await deps.storage.get(last.storage_key) : null;
  if (!last || !bytes) throw new AppError('not_found');
  return {
    bytes: last.type === 'pdf' && row.library_show_author !== 1 ? await stripPdfMetadata(bytes) : bytes,
    fileName: `capstone-${row.country.toLowerCase()}-${(row.completed_on ?? '').slice(0, 4)}.${last.type}`,
    contentType: contentTypeOf(last.type),
  };
}
