/** The tests' copies of the shared reference files stay equal to the originals wherever those are at hand. */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';

const copies = {
  'eksctl-clusterconfig.v0.230.0.schema.json': '../../shared/reference/eksctl-clusterconfig.v0.230.0.schema.json',
  'action-contract.md': '../../shared/docs/action-contract.md',
};
const shared = new URL('../../shared/', import.meta.url);

describe('reference copies', () => {
  it.each(Object.entries(copies))(
    '%s equals ../shared when the shared folder is beside the checkout',
    (copy, original) => {
      const mine = readFileSync(new URL(`./reference/${copy}`, import.meta.url), 'utf8');
      expect(mine.length).toBeGreaterThan(1000);
      // In CI the shared folder sits beside the clone; a clone elsewhere has only the copies.
      if (process.env.CI || existsSync(shared)) {
        expect(mine).toBe(readFileSync(new URL(original, import.meta.url), 'utf8'));
      }
    },
  );
});
