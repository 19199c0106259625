// After ncc: mark dist/ as ES modules even when copied without the repository's package.json.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/package.json', import.meta.url), JSON.stringify({ type: 'module' }, null, 2) + '\n');
