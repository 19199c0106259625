/**
 * The job summary as GitHub shows it: the Markdown of `plan`, `apply` and `verify`, rendered by a GFM renderer
 * (marked, GFM mode) and read back as the text a person sees. Every text cell must show its text in full
 * (`<the account …>` must not become an HTML tag that swallows it), the only HTML is what GitHub keeps, and
 * long comma-joined lists can wrap. The screenshots at 1,000 px are `npm run summary-preview`.
 */
import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { planFlow, planMarkdown } from '../src/commands/plan.js';
import { stepsMarkdown, toRecord, type StepRecord } from '../src/steps.js';
import { configOf } from './fixtures.js';

const render = (md: string) => marked.parse(md, { gfm: true, async: false }) as string;

/** What a reader sees of some HTML: tags gone, entities decoded, whitespace collapsed. */
const seen = (html: string) =>
  html
    .replace(/<wbr>/g, '')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The cells of each table row, as seen. */
const rows = (html: string) =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => seen(c[1]!)),
  );

/**
 * The elements GitHub's sanitizer keeps that these summaries use (`a`: GFM links e-mail addresses, as GitHub
 * does); anything else would be dropped or swallow text.
 */
const KEPT = new Set([
  'a',
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
for (const t of ['br', 'wbr', 'details', 'summary']) KEPT.add(t);
const tags = (html: string) => new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));

const clouds = [
  ['GKE', configOf({ provider: 'gcp', project: 'my-project-123', command: 'plan' })],
  ['EKS', configOf({ provider: 'aws', command: 'plan' })],
] as const;

describe.each(clouds)('the %s plan summary, rendered as GitHub renders it', (_cloud, config) => {
  const flow = planFlow(config);
  const records = flow.steps.map((s) => toRecord(s));
  const html = render(planMarkdown(config, records, flow.eksctlConfig));
  const table = rows(html).filter((r) => /^\d+$/.test(r[0] ?? ''));

  it('uses only HTML that GitHub keeps', () => {
    expect([...tags(html)].filter((t) => !KEPT.has(t))).toEqual([]);
  });

  it('shows every step row in full: number, id and description, and what it runs, with no status column', () => {
    expect(rows(html).find((r) => r[0] === '#')).toEqual(['#', 'step', 'what']);
    expect(table.map((r) => r[0])).toEqual(records.map((_, i) => String(i + 1)));
    for (const [i, r] of records.entries()) {
      const [, step, what] = table[i]!;
      // A pair of backticks shows as inline code: the reader sees the text between them.
      const code = (text: string) => text.replace(/`([^`]+)`/g, '$1').replace(/\s+/g, ' ');
      expect(step).toBe(`${r.id} ${code(r.description)}`);
      expect(what).toBe(
        r.argv
          ? `${r.argv.slice(0, 4).join(' ')} …`
          : r.request
            ? `${r.request.method} https://${r.request.host}${r.request.path}`
            : code(r.api!),
      );
    }
  });

  it('shows every label of both pools in the settings table', () => {
    const pools = rows(html).filter((r) => r[0] === 'services' || r[0] === 'workspaces');
    expect(pools).toHaveLength(2);
    expect(pools[0]![5]).toBe(
      'gitpod.io/workload_meta=true gitpod.io/workload_ide=true gitpod.io/workload_services=true',
    );
    expect(pools[1]![5]).toBe(
      'gitpod.io/workload_workspace_services=true gitpod.io/workload_workspace_regular=true gitpod.io/workload_workspace_headless=true',
    );
  });

  it('says the CLI calls are shown exactly as they will run, and ends with the next step', () => {
    expect(seen(html)).toContain('Every CLI call, exactly as it will run');
    expect(seen(html)).not.toContain('exactly as run');
    expect(seen(html)).toMatch(
      /Next: run this action again with command: apply and the same inputs, .* to build exactly this\.$/,
    );
  });
});

describe('text that would otherwise be taken for HTML or Markdown', () => {
  it('GKE: the cluster-admin step names the account it binds, angle brackets and all', () => {
    const [, config] = clouds[0];
    const flow = planFlow(config);
    const html = render(
      planMarkdown(
        config,
        flow.steps.map((s) => toRecord(s)),
      ),
    );
    expect(seen(html)).toContain(
      'cluster-admin-binding ClusterRoleBinding cluster-admin-binding: cluster-admin for <the account of the credentials in use>',
    );
  });

  const hostile: StepRecord = {
    id: 'odd',
    description: 'a <b>bold</b> & *not emphasis* | not a cell _nor_ this ~~struck~~ [link](x) \\ <!-- end',
    api: '<script>alert(1)</script> &amp; a lone ` tick',
    status: 'failed',
    detail: 'HTTP 403 <html><body>Forbidden</body></html>\nsecond line',
  };

  it('shows a step description, an API line and a failure detail exactly as written, in apply’s table', () => {
    const html = render(stepsMarkdown([hostile]));
    expect([...tags(html)].filter((t) => !KEPT.has(t))).toEqual([]);
    expect(rows(html)).toEqual([
      ['#', 'step', 'what', 'status'],
      [
        '1',
        'odd a <b>bold</b> & *not emphasis* | not a cell _nor_ this ~~struck~~ [link](x) \\ <!-- end',
        '<script>alert(1)</script> &amp; a lone ` tick',
        '❌ failed: HTTP 403 <html><body>Forbidden</body></html> second line',
      ],
    ]);
  });

  it('shows an argv with backticks and pipes as code, and fences a CLI call that contains a fence', () => {
    const html = render(
      stepsMarkdown([{ id: 'x', description: 'd', argv: ['eksctl', 'a`b', 'c|d', 'e'], status: 'planned' }], 'plan'),
    );
    expect(rows(html)[1]).toEqual(['1', 'x d', 'eksctl a`b c|d e …']);
    expect(html).toContain('<code>eksctl a`b c|d e …</code>');
    const fenced = render(
      stepsMarkdown([{ id: 'y', description: 'd', argv: ['sh', '```\nnot the end'], status: 'done' }]),
    );
    const pre = /<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(fenced)![1]!.replace(/&#39;/g, "'");
    expect(pre).toBe("# y\nsh '```\nnot the end'\n");
  });

  it('keeps a pair of backticks in a description as inline code', () => {
    const html = render(
      stepsMarkdown([{ id: 'c', description: 'Calico Installation `default` <x>', status: 'planned' }], 'plan'),
    );
    expect(html).toContain('Calico Installation <code>default</code> &lt;x&gt;');
  });

  it('lets a long comma-joined label list wrap after each comma', () => {
    const labels = Array.from({ length: 12 }, (_, i) => `example.com/label-${i}=value-${i}`).join(',');
    const md = stepsMarkdown([{ id: 'p', description: `labelled ${labels}`, status: 'planned' }], 'plan');
    expect(md.split(',<wbr>')).toHaveLength(12);
    expect(rows(render(md))[1]![1]).toBe(`p labelled ${labels}`);
  });
});
