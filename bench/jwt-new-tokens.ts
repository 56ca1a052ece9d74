/**
 * VC-JWTs never seen before, measured against raw signature checks of the same tokens (issue 16,
 * "Performance"): distinct Certificates of Achievement (each its own credential id and holder, so every
 * token is a different string that no memo knows), and a measure that interleaves the two sides in small
 * blocks so that both see the same state of a shared, noisy machine. Used by the credentials suite and by
 * `bench/jwt-verify-ratio.ts`.
 */
import { type KeyObject, verify } from 'node:crypto';
import { sampleCredential } from '../src/modules/credentials/credentials-fixtures.js';
import { type JwtAlgorithm, signVcJwt } from '../src/modules/credentials/issuing/sign.js';
import type { IssuerKeys } from '../src/modules/credentials/keys/issuer.js';

let serial = 0;

/** `count` VC-JWTs of distinct sample certificates, issued by `issuer`, each a string never made before. */
export async function freshJwts(issuer: IssuerKeys, alg: JwtAlgorithm, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    serial += 1;
    const unsigned = sampleCredential('certificate-of-achievement', serial);
    unsigned.issuer = { ...(unsigned.issuer as object), id: issuer.did };
    tokens.push(await signVcJwt(unsigned, issuer.keyring, alg));
  }
  return tokens;
}

/** One side of a measure: per verification, wall and CPU microseconds. */
export interface SideTiming {
  wallUs: number;
  cpuUs: number;
}

/** Both sides over the same tokens: our verifier (each token once) and node:crypto's signature check. */
export interface NewTokenTiming {
  tokens: number;
  ours: SideTiming;
  raw: SideTiming;
}

/** Tokens per block of the interleaving (raw on a block, then ours on the same block). */
const BLOCK = 50;

/**
 * Verifies each token once with `ours` and checks its signature with node:crypto (`publicKey` already
 * imported, signing input and signature split beforehand: the ceiling), block by block, alternating.
 */
export async function measureNewTokens(
  tokens: string[],
  alg: JwtAlgorithm,
  publicKey: KeyObject,
  ours: (token: string) => Promise<unknown>,
): Promise<NewTokenTiming> {
  const digest = alg === 'EdDSA' ? null : 'sha256';
  const split = tokens.map((token) => {
    const dot = token.lastIndexOf('.');
    return [Buffer.from(token.slice(0, dot)), Buffer.from(token.slice(dot + 1), 'base64url')] as const;
  });
  const total = { ours: { wall: 0, cpu: 0 }, raw: { wall: 0, cpu: 0 } };
  const timed = async (side: 'ours' | 'raw', run: () => Promise<void> | void) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run();
    total[side].wall += performance.now() - started;
    const used = process.cpuUsage(cpu);
    total[side].cpu += (used.user + used.system) / 1000;
  };
  for (let from = 0; from < tokens.length; from += BLOCK) {
    const to = Math.min(tokens.length, from + BLOCK);
    await timed('raw', () => {
      for (let i = from; i < to; i++) {
        const [input, signature] = split[i]!;
        if (!verify(digest, input, publicKey, signature)) throw new Error('bench: raw verify failed');
      }
    });
    await timed('ours', async () => {
      for (let i = from; i < to; i++) await ours(tokens[i]!);
    });
  }
  const per = (ms: number) => (ms * 1000) / tokens.length;
  return {
    tokens: tokens.length,
    ours: { wallUs: per(total.ours.wall), cpuUs: per(total.ours.cpu) },
    raw: { wallUs: per(total.raw.wall), cpuUs: per(total.raw.cpu) },
  };
}
