/**
 * The signing port: the issuer's keys, loaded once per process and replaced by a rotation. The port knows
 * no module: whoever builds the dependencies gives it a key store (the credentials module's keyring in
 * DATA_DIR/keys or the environment, docs/decisions/0007; a KMS adapter would sign remotely behind the same
 * interface).
 */

/** Where keys come from: loading them (generating them the first time) and replacing them. */
export interface KeyStore<K> {
  load(): Promise<K>;
  rotate(): Promise<K>;
}

export interface Signer<K> {
  /** The keyring (loaded once per process). Throws what the key store throws when a key is unusable. */
  keyring(): Promise<K>;
  /** New keys; the old public keys stay published. Later `keyring()` calls get the new ones. */
  rotate(): Promise<K>;
}

/** A signer over a key store: loads once (a failed load is retried on the next call), rotates on demand. */
export function signerOver<K>(store: KeyStore<K>): Signer<K> {
  let loading: Promise<K> | null = null;
  return {
    keyring() {
      loading ??= store.load().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      return loading;
    },
    async rotate() {
      const rotated = store.rotate();
      loading = rotated;
      return rotated;
    },
  };
}
