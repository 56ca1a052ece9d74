/**
 * The database's type for Kysely. `DB` is declared empty here and filled by declaration merging: the
 * platform's own tables in kernel.tables.ts, each module's in `<module>.tables.ts` in its folder (PERSISTED
 * SHAPES: they describe the migrated tables). A new module declares its tables in its own folder.
 */
import './kernel.tables.js';

// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declarations (declaration merging)
export interface DB {}
