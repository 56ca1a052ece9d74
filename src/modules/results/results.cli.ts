import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../module.js';
import { runResultsEvaluate } from './evaluate-cli.js';

/** `diploma results evaluate …`: the offline command-line contract of the result policy. */
export const resultsEvaluateCommand: CliCommand = {
  name: 'results evaluate',
  usage: `  diploma results evaluate --policy POLICY.json --marks MARKS.json --today YYYY-MM-DD
                              course results from a result policy and marks, offline; prints a JSON
                              array (exit 0), or one line on invalid input (exit 2)`,
  needsDatabase: false,
  run: (args) =>
    runResultsEvaluate(args, {
      readFile: (path) => readFile(path, 'utf8'),
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
    }),
};
