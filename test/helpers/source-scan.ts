/** Every place a source file names a table: query-builder calls and raw SQL. */
export function namedTables(source: string): string[] {
  const names = new Set<string>();
  const builder =
    /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|innerJoin|leftJoin|rightJoin|fullJoin|with)\(\s*['"`]([a-z_]+)/g;
  for (const match of source.matchAll(builder)) names.add(match[1]!);
  for (const template of source.matchAll(/sql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const match of template[1]!.matchAll(/\b(?:from|join|update|into)\s+"?([a-z_]+)"?/gi))
      names.add(match[1]!);
  }
  return [...names];
}
