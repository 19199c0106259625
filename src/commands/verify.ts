/** `verify`: not built yet (see the open issues); refuses cleanly instead of doing half the job. */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';

export async function verify(_config: Config, _io: ActionIO): Promise<void> {
  throw new Error('the `verify` command is not available in this build yet');
}
