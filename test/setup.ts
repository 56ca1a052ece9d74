import { setStrictMessages } from '../src/i18n/i18n.js';
import { blockNetwork } from './network-guard.js';

// In tests a missing message id or a broken ICU message fails loudly instead of printing the id.
setStrictMessages(true);
// No test reaches the network: a connection to anything but loopback throws (see network-guard.ts).
blockNetwork();
