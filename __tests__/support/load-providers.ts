/**
 * jest setupFiles, in every test file: imports both Providers, as main.ts and each command import the one of
 * their inputs before anything asks `providerOf` (src/providers/index.ts), so the tests may call the synchronous
 * parts (planFlow, settingsMarkdown, the verify checks) for either provider directly. That a run loads only its
 * own provider is shown on the bundle (__tests__/lazy-providers.test.ts).
 */
import { loadProvider } from '../../src/providers/index.js';

await loadProvider({ provider: 'gcp' });
await loadProvider({ provider: 'aws' });
