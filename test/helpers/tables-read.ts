import type { Kysely, KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';

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
 * A handle that records the tables of every query run through it, as Kysely builds them: for the tests
 * that check a kept page's declared tables (ADR 0009) against the SQL the page really runs.
 * `read()` gives the tables read so far (aliases of tables left out, `users` kept: it is also the
 * alias of the people's read model).
 */
export function recordingTables<DB>(db: Kysely<DB>): { db: Kysely<DB>; read: () => Set<string> } {
  const named = new Set<string>();
  const aliases = new Set<string>();
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      namesOf(args.node as RootOperationNode, named, aliases);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    db: db.withPlugin(recorder),
    read: () => new Set([...named].filter((name) => !aliases.has(name) || name === 'users')),
  };
}
