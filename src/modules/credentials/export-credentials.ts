import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { formatShortCode } from './credential.js';
import { canCredentials } from './credentials.policy.js';
import { listCredentialsAfter, listStatusLists } from './credentials.repository.js';
import { getIssuerKeys } from './keys/get-issuer-keys.js';
import type { StatusPurpose } from './status/status-list.js';
import { statusListSlug } from './status/status-list-store.js';

/** Where the export writes (the CLI writes into a folder; a test into memory). */
export interface ExportSink {
  write(relativePath: string, text: string): Promise<void>;
}

/** Credentials read per query while exporting. */
const EXPORT_PAGE = 500;

/**
 * Every issued credential, byte for byte as signed (`<id>.json` with its proof, `<id>.rs256.jwt`,
 * `<id>.eddsa.jwt`, and `<id>.clr.json` for a diploma), the current signed status lists
 * (`status-lists/<name>.json`), the issuer's DID document and JWKS (`did.json`, `jwks.json`: what an
 * offline verifier needs) and `index.json` (id, short code, kind, status of each). System and
 * administrators only. Returns the number of credentials written.
 */
export async function exportCredentials(
  db: Executor,
  deps: Services,
  actor: Actor,
  sink: ExportSink,
): Promise<{ credentials: number }> {
  ensure(actor, canCredentials(actor, 'issuer.manage'));
  const index: { id: string; shortCode: string; kind: string; status: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await listCredentialsAfter(db, after, EXPORT_PAGE);
    for (const row of rows) {
      await sink.write(`credentials/${row.id}.json`, row.credential_json);
      await sink.write(`credentials/${row.id}.rs256.jwt`, `${row.jwt_rs256}\n`);
      await sink.write(`credentials/${row.id}.eddsa.jwt`, `${row.jwt_eddsa}\n`);
      if (row.clr_json) await sink.write(`credentials/${row.id}.clr.json`, row.clr_json);
      index.push({
        id: row.id,
        shortCode: formatShortCode(row.short_code),
        kind: row.kind,
        status: row.status,
      });
    }
    if (rows.length < EXPORT_PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  for (const list of await listStatusLists(db)) {
    const name = statusListSlug(list.purpose as StatusPurpose, list.list_number);
    await sink.write(`status-lists/${name}.json`, list.credential_json);
  }
  const keys = await getIssuerKeys(db, deps);
  await sink.write('did.json', `${JSON.stringify(keys.didDocument, null, 2)}\n`);
  await sink.write('jwks.json', `${JSON.stringify(keys.jwks, null, 2)}\n`);
  await sink.write('index.json', `${JSON.stringify({ issuer: keys.did, credentials: index }, null, 2)}\n`);
  return { credentials: index.length };
}
