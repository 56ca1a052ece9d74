import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the network in tests', () => {
  it('refuses a connection to a non-loopback address, by IP and by name, and through fetch', async () => {
    const net = await import('node:net');
    expect(() => net.connect({ host: '93.184.216.34', port: 80 })).toThrow(/network blocked in tests/);
    expect(() => net.connect(443, 'example.org')).toThrow(/network blocked in tests/);
    const failure = await fetch('http://203.0.113.7:8080/').catch((error: Error) => error);
    expect(String((failure as Error & { cause?: unknown }).cause)).toMatch(/network blocked in tests/);
  });

  it('allows loopback (a test server on 127.0.0.1)', async () => {
    const server = createServer((socket) => socket.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const net = await import('node:net');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    server.close();
    expect(reply).toBe('hello');
  });
});
