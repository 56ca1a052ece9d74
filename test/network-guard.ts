import net from 'node:net';

/**
 * Tests never reach the network: any outbound connection to an address that is not this machine's loopback
 * fails at once with a message naming it (a test that needs a peer runs one on 127.0.0.1). Unix sockets
 * and loopback TCP (the test PostgreSQL server, the app's own listening server, Chromium's DevTools) pass.
 */
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

export class NetworkBlockedError extends Error {
  constructor(host: string, port: unknown) {
    super(
      `network blocked in tests: a connection to ${host}:${String(port)} was attempted (only loopback is allowed)`,
    );
    this.name = 'NetworkBlockedError';
  }
}

/** Where a `socket.connect(…)` call goes: a host (TCP) or null (a Unix socket path). */
function targetOf(args: unknown[]): { host: string; port: unknown } | null {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const options = first as { path?: string; host?: string; port?: unknown };
    if (options.path) return null;
    return { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a Unix socket path
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

/** Installs the guard on every TCP connection this process opens (idempotent). */
export function blockNetwork(): void {
  const proto = net.Socket.prototype as net.Socket & { __guarded?: boolean };
  if (proto.__guarded) return;
  const connect = proto.connect;
  proto.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const normalized = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const target = targetOf(normalized);
    if (target && !LOOPBACK.test(target.host)) throw new NetworkBlockedError(target.host, target.port);
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof proto.connect;
  proto.__guarded = true;
}
