/**
 * A case study's content as stored: its row (context, questions, answer mode, deadline, debrief), its news
 * with their release dates and its documents. The same for every reader until one of its tables is written,
 * so it is kept per item (`KeptResults`, docs/decisions/0009-kept-fragments.md); what a reader may see of it
 * (news not yet released, the debrief) and their answer are decided and read per request in `get-case.ts`.
 * Kept values are frozen.
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { findCase, listDocuments, listReleases } from './cases.repository.js';
import type { CaseRow } from './cases.tables.js';

/**
 * Every table the content is read from: a write to one of them makes every kept content stale.
 * `case-content.integration.test.ts` checks the list against the SQL the content really runs.
 */
export const CASE_CONTENT_TABLES = ['cases', 'case_releases', 'case_documents'] as const;

export interface CaseContent {
  row: Readonly<CaseRow> | undefined;
  /** The row's texts, parsed. */
  context: LocalizedText;
  questions: LocalizedText;
  debrief: LocalizedText;
  releases: readonly { id: string; title: LocalizedText; body: LocalizedText; releaseAt: string }[];
  documents: readonly { id: string; title: string; fileName: string; size: number }[];
}

const kept = new KeptResults<CaseContent>({ tables: CASE_CONTENT_TABLES, maxEntries: 300 });

/** Reads the content from the database (three statements), without keeping it. */
export async function readCaseContent(db: Executor, itemId: string): Promise<CaseContent> {
  const [row, releases, documents] = await Promise.all([
    findCase(db, itemId),
    listReleases(db, itemId),
    listDocuments(db, itemId),
  ]);
  return deepFreeze({
    row,
    context: parseLocalized(row?.context_i18n ?? '{}'),
    questions: parseLocalized(row?.questions_i18n ?? '{}'),
    debrief: parseLocalized(row?.debrief_i18n ?? '{}'),
    releases: releases.map((r) => ({
      id: r.id,
      title: parseLocalized(r.title_i18n),
      body: parseLocalized(r.body_i18n),
      releaseAt: r.release_at,
    })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.file_name, size: d.size })),
  });
}

/** The case's content, kept until one of its tables changes (read anew inside a transaction). */
export function caseContent(db: Executor, itemId: string): Promise<CaseContent> {
  return kept.get(db, itemId, () => readCaseContent(db, itemId));
}
