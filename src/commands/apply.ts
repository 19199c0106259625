/** `apply`: not built yet (see the open issues); refuses cleanly instead of doing half the job. */
import type { Config } from '../inputs.js';
import type { ActionIO } from '../io.js';

export async function apply(_config: Config, _io: ActionIO): Promise<void> {
  throw new Error('the `apply` command is not available in this build yet');
}
