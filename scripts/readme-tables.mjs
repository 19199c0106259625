// `npm run readme`: rewrites the inputs and outputs tables of README.md from action.yml (the one list).
// __tests__/readme.test.ts fails when README.md and action.yml disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url);
const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();

export function inputsTable(action) {
  const rows = Object.entries(action.inputs).map(([name, i]) => {
    const def = i.required ? '**required**' : i.default !== undefined && i.default !== '' ? `\`${i.default}\`` : '';
    return `| \`${name}\` | ${def} | ${esc(i.description)} |`;
  });
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n');
}

export function outputsTable(action) {
  const rows = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${esc(o.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

export function replaceBetween(text, marker, body) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const [head, rest] = text.split(start);
  if (rest === undefined) throw new Error(`README.md lacks ${start}`);
  const tail = rest.split(end)[1];
  return `${head}${start}\n${body}\n${end}${tail}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const action = parse(readFileSync(new URL('action.yml', root), 'utf8'));
  let readme = readFileSync(new URL('README.md', root), 'utf8');
  readme = replaceBetween(readme, 'inputs', inputsTable(action));
  readme = replaceBetween(readme, 'outputs', outputsTable(action));
  writeFileSync(new URL('README.md', root), readme);
  console.log('README.md inputs and outputs tables rewritten from action.yml');
}
