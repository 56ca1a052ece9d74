import { type Keyring, loadOrCreateKeyring, rotateKeys } from '../modules/credentials/keys/keys.js';

/**
 * The signing port: the issuer's keyring (Ed25519 for Data Integrity proofs and EdDSA JWTs, RSA for RS256
 * JWTs). The default reads the keys from the environment (ISSUER_ED25519_PRIVATE_KEY,
 * ISSUER_RSA_PRIVATE_KEY) or generates them into DATA_DIR/keys on first use (docs/decisions/0007); a KMS
 * adapter would sign remotely behind the same interface. Loaded once, on first use.
 */
export interface Signer {
  /** The keyring (loaded or generated once per process). Throws KeyConfigError when a key is unusable. */
  keyring(): Promise<Keyring>;
  /** New generated keys; the old public keys stay published. Later `keyring()` calls get the new ones. */
  rotate(): Promise<Keyring>;
}

/** The default signer over DATA_DIR/keys and the given environment. */
export function fileSigner(dataDir: string, env: NodeJS.ProcessEnv = process.env): Signer {
  let loading: Promise<Keyring> | null = null;
  return {
    keyring() {
      loading ??= loadOrCreateKeyring(dataDir, env).catch((error: unknown) => {
        loading = null;
        throw error;
      });
      return loading;
    },
    async rotate() {
      const rotated = rotateKeys(dataDir, env);
      loading = rotated;
      return rotated;
    },
  };
}
