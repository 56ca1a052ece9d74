/**
 * Starts the bench server in a child process and stops it: SIGTERM, then SIGKILL if it has not exited
 * within a few seconds. The child also exits by itself when this process goes away. The child runs the
 * built JavaScript (dist/bench/server.js, built once per run by scripts/build.mjs), as `npm start` does;
 * `BENCH_FROM_SOURCES=1` runs bench/server.ts with tsx instead (which adds tsx's module-hooks thread,
 * about 80 MB of resident memory).
 *
 * Each child's resident memory is watched from the moment it listens until it is stopped (`rssPeaks`):
 * the kernel's peak (VmHWM in /proc/<pid>/status, reset when the child starts listening so that start-up
 * does not count) and a reading of VmRSS every 250 ms, whichever is higher.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isListeningMessage } from './protocol.js';

const FROM_SOURCES = process.env.BENCH_FROM_SOURCES === '1';
const SOURCE_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const BUILT_SCRIPT = fileURLToPath(new URL('../dist/bench/server.js', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
let built = false;

/** The server's script and the child's node options: the build (made once per run), or the sources. */
function serverScript(): { script: string; execArgv: string[] } {
  // --expose-gc: the resilience suite's memory readings are taken after a full collection.
  if (FROM_SOURCES)
    // Resolved here so the child finds tsx whatever its working directory.
    return { script: SOURCE_SCRIPT, execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')] };
  if (!built) {
    execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
    built = true;
  }
  return { script: BUILT_SCRIPT, execArgv: ['--expose-gc'] };
}
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const RSS_SAMPLE_MS = 250;

export interface ServerChild {
  origin: string;
  pid: number;
  stop(): Promise<void>;
  /** The child's peak resident memory since it listens, in bytes (null where /proc cannot be read). */
  peakRss(): number | null;
}

/** A field of /proc/<pid>/status in bytes (`VmRSS`, `VmHWM`), or null (no such process, not Linux). */
function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The peak resident memory of every server child stopped since the last call (bytes, one per child). */
const stoppedPeaks: number[] = [];

/** Takes (and forgets) the peaks of the server children stopped so far: run.ts reports them per suite. */
export function takeRssPeaks(): number[] {
  return stoppedPeaks.splice(0);
}

/** Follows a child's resident memory from now on: the kernel's peak reset, then sampled. */
function watchRss(pid: number) {
  let hwmReset = false;
  try {
    // "5" resets the peak resident set size (Linux ≥ 4.0); without it VmHWM would include start-up.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {}
  let sampled: number | null = statusBytes(pid, 'VmRSS');
  const sample = () => {
    const rss = statusBytes(pid, 'VmRSS');
    if (rss !== null) sampled = Math.max(sampled ?? 0, rss);
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  timer.unref();
  let final: number | null = null;
  let done = false;
  const peak = () => {
    if (done) return final;
    sample();
    const hwm = hwmReset ? statusBytes(pid, 'VmHWM') : null;
    return hwm === null ? sampled : Math.max(hwm, sampled ?? 0);
  };
  return {
    peak,
    /** The last reading, taken while the child still runs. */
    finish() {
      if (done) return;
      final = peak();
      done = true;
      clearInterval(timer);
      if (final !== null) stoppedPeaks.push(final);
    },
  };
}

/** Forks the server with `env` and resolves once it listens; rejects (child killed) on failure. */
export function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const { script, execArgv } = serverScript();
  const child = fork(script, [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let memory: ReturnType<typeof watchRss> | null = null;
  const stop = () => {
    memory?.finish();
    return stopChild(child);
  };
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`bench server did not start: ${reason}\n${stderr}`)));
    };
    const timer = setTimeout(() => fail(`no answer within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.on('message', (message) => {
      if (!isListeningMessage(message)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const pid = child.pid ?? -1;
      const watched = watchRss(pid);
      memory = watched;
      // A child that dies under load: its last sampled reading still counts.
      child.once('exit', () => watched.finish());
      resolve({ origin: `http://127.0.0.1:${message.port}`, pid, stop, peakRss: watched.peak });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
