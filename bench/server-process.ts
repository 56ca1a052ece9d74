/**
 * Starts bench/server.ts in a child process (`node --import tsx`) and stops it: SIGTERM, then SIGKILL if
 * it has not exited within a few seconds. The child also exits by itself when this process goes away.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isListeningMessage } from './protocol.js';

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export interface ServerChild {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** Forks the server with `env` and resolves once it listens; rejects (child killed) on failure. */
export function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const child = fork(SERVER_SCRIPT, [], {
    // Resolved here so the child finds tsx whatever its working directory.
    // --expose-gc: the resilience suite's memory readings are taken after a full collection.
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = () => stopChild(child);
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
      resolve({ origin: `http://127.0.0.1:${message.port}`, pid: child.pid ?? -1, stop });
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
