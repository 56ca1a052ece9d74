import { ConfigError } from '../config.js';
import { KeyConfigError } from '../modules/credentials/keys/keys.js';
import { runCli } from './run.js';

// The `diploma` command's entry point: exit codes 0 (done), 1 (failed), 2 (bad input or configuration).
try {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  if (error instanceof ConfigError || error instanceof KeyConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
