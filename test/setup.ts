import { setStrictMessages } from '../src/i18n/i18n.js';

// In tests a missing message id or a broken ICU message fails loudly instead of printing the id.
setStrictMessages(true);
