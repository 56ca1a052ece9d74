/**
 * A short write every 50 ms from another process (another connection), while an import runs: how long the
 * longest one waited shows how long the import held the database (SQLite's write lock; on PostgreSQL a row
 * the old single-transaction commit locked for its whole length, the import's own). Started by
 * profile-import.ts with `--probe`; prints `{ writes, maxMs, over1s }` as JSON when its stdin closes.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';

const [dialect, url, importId] = process.argv.slice(2);
let writes = 0;
let maxMs = 0;
let over1s = 0;
let stop = false;
process.stdin.on('end', () => {
  stop = true;
});
process.stdin.resume();

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
const record = (ms: number) => {
  writes += 1;
  maxMs = Math.max(maxMs, ms);
  if (ms > 1000) over1s += 1;
};

if (dialect === 'sqlite') {
  const db = new SQLite(url!);
  db.pragma('busy_timeout = 60000');
  const write = db.prepare('update imports set updated_at = updated_at where id = ?');
  while (!stop) {
    const started = performance.now();
    write.run(importId);
    record(performance.now() - started);
    await pause();
  }
  db.close();
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  while (!stop) {
    const started = performance.now();
    await client.query('update imports set updated_at = updated_at where id = $1', [importId]);
    record(performance.now() - started);
    await pause();
  }
  await client.end();
}
process.stdout.write(JSON.stringify({ writes, maxMs: Math.round(maxMs), over1s }));
