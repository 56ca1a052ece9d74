import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Deps } from '../../deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import type { CliCommand } from '../module.js';
import { importPackageIntoSpace } from './import-package-into-space.js';

export const CONTENT_IMPORT_USAGE =
  'Usage: diploma content import --edition EDITION_ID [--section SECTION_ID] FILE';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * `diploma content import --edition EDITION_ID [--section SECTION_ID] FILE`: imports a SCORM or cmi5 package
 * (zip, or a bare cmi5.xml) into any edition, past or upcoming, at the end of the chosen section of its space
 * (default: the first); prints a summary and the new item's id as the last line.
 * Exit 2 with one line naming the problem for bad arguments or a bad package (nothing is stored).
 */
export async function runContentCommand(args: string[], deps: Deps | null, io: CliIo): Promise<number> {
  let edition: string | undefined;
  let section: string | undefined;
  let file: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { edition: { type: 'string' }, section: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals[0] === 'import' && positionals.length === 2) {
      edition = values.edition;
      section = values.section;
      file = positionals[1];
    }
  } catch {
    edition = undefined;
  }
  if (!edition || !file || !deps) {
    io.stderr(`${CONTENT_IMPORT_USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    io.stderr(`Cannot read ${file}.\n`);
    return 2;
  }
  try {
    const placed = await importPackageIntoSpace(deps.db, deps, systemActor('cli'), {
      editionId: edition,
      bytes,
      sectionId: section ?? null,
    });
    io.stdout(
      `${placed.standard} package "${placed.title}" with ${placed.units} launchable unit(s) (package ${placed.packageId}), placed in the edition's space as item:\n${placed.itemId}\n`,
    );
    return 0;
  } catch (error) {
    if (isAppError(error, 'not_found')) {
      io.stderr(`No edition has the id ${edition}.\n`);
      return 2;
    }
    if (isAppError(error, 'validation_failed')) {
      const t = translator('en');
      const field = error.fields[0];
      io.stderr(`${field ? t.t(field.key, field.values) : 'Invalid input.'}\n`);
      return 2;
    }
    throw error;
  }
}

export const contentCommand: CliCommand = {
  name: 'content',
  usage: `  diploma content import --edition EDITION_ID [--section SECTION_ID] FILE
                              import a SCORM or cmi5 package into an edition's space (at the end of the
                              section, default the first); prints the new item's id last`,
  needsDatabase: true,
  run: (args, deps) =>
    runContentCommand(args, deps, {
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
    }),
};
