import type { Kysely, KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/**
 * Every name a query's tree gives a table (from, joins, subqueries, the read models' subqueries, and the
 * columns' table references) and every alias it defines: the tables read are the first less the second.
 */
function namesOf(node: unknown, tables: Set<string>, aliases: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) namesOf(item, tables, aliases);
  else if (node && typeof node === 'object') {
    const op = node as OperationNode & {
      table?: { identifier?: { name?: string } };
      alias?: { kind?: string; name?: string };
      node?: { kind?: string };
    };
    if (op.kind === 'TableNode' && op.table?.identifier?.name) tables.add(op.table.identifier.name);
    if (op.kind === 'AliasNode' && op.alias?.kind === 'IdentifierNode' && op.alias.name) {
      // `courses as source`: the alias is not a table; a subquery's alias (`usersView(db).as('users')`) is
      // read through its own tree.
      if (op.node?.kind === 'TableNode') aliases.add(op.alias.name);
    }
    for (const value of Object.values(node)) namesOf(value, tables, aliases);
  }
}

/**
 * A handle on `db` that notes the names of every query Kysely builds through it (kept fragments declare
 * the tables they read; tests check the declaration against this). Queries compiled once elsewhere
 * (`reusableQuery`) are only seen the first time they are built.
 */
export function recordTablesRead(db: Kysely<DB>) {
  const named = new Set<string>();
  const aliases = new Set<string>();
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      namesOf(args.node as RootOperationNode, named, aliases);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(recorder), named, aliases };
}
