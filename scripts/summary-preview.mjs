// `npm run summary-preview`: the plan job summaries of GKE and EKS as a person sees them on GitHub.
// Runs the committed bundle's `plan` (as `npm run demo` does; plus a GKE plan with long extra label lists), renders each job summary with a GFM renderer
// (marked) inside the table, code and font rules of GitHub's Markdown style, and writes <provider>.html to
// .tmp/summary-preview/. Where Chromium is installed (`apt-get install chromium`), it also takes a 1,000-pixel
// wide screenshot of each page (<provider>.png) and prints whether every table fits the page without a
// horizontal scrollbar. Exits 1 when one does not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';

const root = new URL('..', import.meta.url).pathname;
const out = path.join(root, '.tmp', 'summary-preview');
const WIDTH = 1000;
mkdirSync(out, { recursive: true });

// The rules of GitHub's Markdown style that decide width and wrapping (tables scroll instead of widening the page).
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: ${WIDTH}px; padding: 16px 32px; color: #1f2328;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto;
  border-spacing: 0; border-collapse: collapse; font-variant: tabular-nums; }
.markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { padding: .2em .4em; margin: 0; font-size: 85%; white-space: break-spaces;
  background: #818b981f; border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; white-space: pre; font-size: 100%; }
`;

// Measured in the page once it has laid out: each table that needs a horizontal scrollbar, and the page's width.
const MEASURE = `
<script>
addEventListener('load', () => {
  const wide = [...document.querySelectorAll('table')]
    .map((t, i) => ({ i, scroll: t.scrollWidth, client: t.clientWidth }))
    .filter((t) => t.scroll > t.client);
  const fit = document.createElement('pre');
  fit.id = 'fit';
  fit.textContent = JSON.stringify({ page: document.documentElement.scrollWidth, tables: document.querySelectorAll('table').length, wide });
  document.body.append(fit);
});
</script>`;

// The reference defaults, and a GKE plan with six long extra labels on each pool: long label lists must wrap.
const LONG_LABELS = Array.from({ length: 6 }, (_, i) => `team.example.com/cost-centre-${i}=engineering-platform-${i}`);
const CASES = [
  { name: 'gcp', provider: 'gcp' },
  { name: 'aws', provider: 'aws' },
  {
    name: 'gcp-long-labels',
    provider: 'gcp',
    inputs: { 'SERVICES-EXTRA-LABELS': LONG_LABELS.join(','), 'WORKSPACES-EXTRA-LABELS': LONG_LABELS.join(',') },
  },
];

function planSummary({ provider, inputs = {} }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'summary-preview-'));
  try {
    const summary = path.join(tmp, 'summary.md');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: tmp, GITHUB_STEP_SUMMARY: summary };
    Object.assign(env, { GITHUB_OUTPUT: path.join(tmp, 'outputs'), INPUT_PROVIDER: provider, INPUT_COMMAND: 'plan' });
    if (provider === 'gcp') env.INPUT_PROJECT = 'my-gcp-project';
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k}`] = v;
    writeFileSync(summary, '');
    writeFileSync(env.GITHUB_OUTPUT, '');
    const res = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], { env, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`plan for ${provider} failed:\n${res.stdout}${res.stderr}`);
    return readFileSync(summary, 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const chromiumArgs = (profile) => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  `--user-data-dir=${profile}`,
  `--window-size=${WIDTH},2400`,
];

let failed = false;
for (const c of CASES) {
  const provider = c.name;
  const body = marked.parse(planSummary(c), { gfm: true, async: false });
  const html = path.join(out, `${provider}.html`);
  writeFileSync(
    html,
    `<!doctype html><meta charset="utf-8"><title>${provider} plan</title><style>${CSS}</style>` +
      `<body><div class="markdown-body">${body}</div>${MEASURE}</body>`,
  );
  console.log(`${provider}: ${html}`);
  if (!chromium) continue;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'summary-preview-chromium-'));
  try {
    const png = path.join(out, `${provider}.png`);
    const shot = spawnSync(chromium, [...chromiumArgs(profile), `--screenshot=${png}`, `file://${html}`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (shot.status !== 0) throw new Error(`chromium screenshot failed: ${shot.stderr}`);
    const dom = spawnSync(
      chromium,
      [...chromiumArgs(profile), '--virtual-time-budget=2000', '--dump-dom', `file://${html}`],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const fit = JSON.parse(/<pre id="fit">([^<]*)<\/pre>/.exec(dom.stdout)?.[1] ?? 'null');
    if (!fit) throw new Error(`chromium did not lay out ${html}: ${dom.stderr}`);
    const ok = fit.page <= WIDTH && fit.wide.length === 0;
    failed ||= !ok;
    console.log(
      `${provider}: ${png} — page ${fit.page} px wide at a ${WIDTH} px window; ${fit.tables} tables, ` +
        (fit.wide.length ? `too wide: ${JSON.stringify(fit.wide)}` : 'none needs a horizontal scrollbar'),
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
if (!chromium) console.log('Chromium not found (apt-get install chromium): HTML written, no screenshots taken.');
process.exit(failed ? 1 : 0);
