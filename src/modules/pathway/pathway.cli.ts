import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { CliCommand } from '../module.js';
import { runEvaluateCommand } from './rules/evaluate-cli.js';

/** `diploma pathway evaluate …`: the offline, stable command-line contract of the rule engine. */
export const pathwayEvaluateCommand: CliCommand = {
  name: 'pathway evaluate',
  usage: `  diploma pathway evaluate --rules RULES.json --record RECORD.json [--today YYYY-MM-DD] [--lang en|fr|es]
                              evaluate a candidate record against requirement rules offline; prints
                              the evaluation as JSON (exit 0), or a message on invalid input (exit 2)`,
  needsDatabase: false,
  run: (args) =>
    runEvaluateCommand(args, {
      readFile: (path) => readFile(path, 'utf8'),
      readStdin: () => text(process.stdin),
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
      today: () => new Date().toISOString().slice(0, 10),
    }),
};
