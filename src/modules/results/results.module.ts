import type { Module } from '../module.js';
import { resultsEvaluateCommand } from './results.cli.js';

/** Course results: the per-edition result policy, the gradebook, finalising an edition's results. */
export const resultsModule: Module = {
  name: 'results',
  cli: [resultsEvaluateCommand],
};
