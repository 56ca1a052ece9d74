import type { Module } from '../module.js';
import * as results from './migrations/2026-12-06T2340-results.js';
import { resultsAuditEvents } from './results.audit.js';
import { resultsEvaluateCommand } from './results.cli.js';

/**
 * Course results: the pure result policy and its command line, each edition's versioned result policy, the
 * gradebook (overrides, CSV and XLSX), the participants' standing, and finalising an edition's results
 * through the pathway's class-list path (certificates issued by the credentials jobs).
 */
export const resultsModule: Module = {
  name: 'results',
  migrations: { '2026-12-06T2340-results': results },
  tables: ['result_policies', 'result_overrides', 'result_snapshots'],
  auditEvents: resultsAuditEvents,
  cli: [resultsEvaluateCommand],
};
