/** The example module's table: it alone writes it, and its type merges into `DB` from here. */
import type { Selectable } from 'kysely';

export interface ExampleNotesTable {
  id: string;
  author_id: string;
  body: string;
  created_at: string;
}

declare module '../../src/db/schema.js' {
  interface DB {
    example_notes: ExampleNotesTable;
  }
}

export type ExampleNoteRow = Selectable<ExampleNotesTable>;
