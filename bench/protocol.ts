/** What the benchmark parent (run.ts) and the server child (server.ts) share. */

/** The bare ceiling route the child adds to the application: a constant small HTML page. */
export const CEILING_PATH = '/__bench/ceiling';

/** The child's memory (process.memoryUsage() after a full garbage collection), for the soak scenario. */
export const MEMORY_PATH = '/__bench/memory';

/** The child's message once it listens (sent over the IPC channel of `fork`). */
export interface ListeningMessage {
  type: 'listening';
  port: number;
}

export function isListeningMessage(message: unknown): message is ListeningMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ListeningMessage).type === 'listening' &&
    typeof (message as ListeningMessage).port === 'number'
  );
}
