/**
 * Where a worker thread's module is and how to start it: beside the calling module, as TypeScript run by
 * tsx when the platform itself runs from its sources (tests, `npm run diploma`), as the built JavaScript
 * when it runs from `dist/` (`npm start`, the bench server; see docs/operations.md, "Running from the
 * build"). A worker started with `--import tsx` also starts tsx's module-hooks thread: the built form
 * spares both.
 */
export function workerModule(callerUrl: string, baseName: string): { filename: string; execArgv: string[] } {
  const fromSources = new URL(callerUrl).pathname.endsWith('.ts');
  return fromSources
    ? { filename: new URL(`./${baseName}.ts`, callerUrl).href, execArgv: ['--import', 'tsx'] }
    : { filename: new URL(`./${baseName}.js`, callerUrl).href, execArgv: [] };
}
