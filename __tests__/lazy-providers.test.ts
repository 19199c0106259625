/**
 * `plan` loads only the provider it is asked for (issue #15): the committed bundle, run as a runner runs it,
 * with a module hook (support/record-loads.mjs) that records every file Node loads. With provider `gcp` no
 * loaded file carries the EKS side (the YAML library, eksctl's schema, the EKS plan and provider), with `aws`
 * none carries the GKE side; neither loads a cloud SDK. Each side is recognised by text it holds, written here
 * by hand; each text must be somewhere in dist/ (so a renamed one cannot make a check pass unseen), and the run
 * of its own provider must load it (so a hook that records nothing cannot either).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distDir, runActionSync } from './support/run-bundle.js';

const HOOK = pathToFileURL(fileURLToPath(new URL('./support/record-loads.mjs', import.meta.url))).href;

/** What `plan` on EKS loads and `plan` on GKE must not. */
const EKS_SIDE: Record<string, string> = {
  'the yaml library': 'class YAMLParseError extends YAMLError',
  "eksctl's ClusterConfig schema": '"#/definitions/AZSubnetSpec"',
  'the EKS plan (its create cluster step)': '--without-nodegroup',
  'the EKS provider (what destroy leaves)': 'kept by AWS after the cluster is gone',
};
/** What `plan` on GKE loads and `plan` on EKS must not. */
const GKE_SIDE: Record<string, string> = {
  'the GKE plan (the node service account)': '.iam.gserviceaccount.com',
  'the GKE provider (its network check)': 'network policy enforcement is off on the GKE cluster',
};
/** What neither `plan` loads: the SDKs come with apply, verify, preflight and destroy. */
const SDKS: Record<string, string> = {
  '@google-cloud/container': 'google.container.v1.ClusterManager',
  '@aws-sdk/client-eks': 'DescribeClusterCommand',
  '@kubernetes/client-node': 'CoreV1Api',
};

/** Runs `plan` from the bundle and returns the dist/ files it loaded (names) with their text. */
function planLoads(inputs: Record<string, string>): { files: string[]; text: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'loads-'));
  try {
    const record = path.join(tmp, 'loaded.txt');
    const res = runActionSync(
      { command: 'plan', ...inputs },
      { NODE_OPTIONS: `--import=${HOOK}`, RECORD_LOADS_FILE: record },
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.outputs().plan!).length).toBeGreaterThan(0);
    const distUrl = pathToFileURL(path.join(res.dir, 'dist')).href + '/';
    const files = [
      ...new Set(
        readFileSync(record, 'utf8')
          .split('\n')
          .filter((url) => url.startsWith(distUrl))
          .map((url) => url.slice(distUrl.length)),
      ),
    ].sort();
    // The checkout's copy of dist/ is gone once the run ends; the committed one is the same bytes.
    const text = files.map((f) => readFileSync(path.join(distDir(), f), 'utf8')).join('\n');
    return { files, text };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe('plan loads only the provider it is asked for', () => {
  let gcp: ReturnType<typeof planLoads>;
  let aws: ReturnType<typeof planLoads>;
  beforeAll(() => {
    gcp = planLoads({ provider: 'gcp', project: 'my-project-123' });
    aws = planLoads({ provider: 'aws' });
  });

  it('holds every marker somewhere in the bundle', () => {
    const dist = readdirSync(distDir())
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(distDir(), f), 'utf8'))
      .join('\n');
    for (const marker of Object.values({ ...EKS_SIDE, ...GKE_SIDE, ...SDKS })) expect(dist).toContain(marker);
  });

  it('runs from dist/index.js and the chunks of its provider', () => {
    expect(gcp.files).toContain('index.js');
    expect(aws.files).toContain('index.js');
    // A chunk of its own each: what GKE's plan loads beyond the entry is not what EKS's loads, and the reverse.
    expect(gcp.files.filter((f) => !aws.files.includes(f)).length).toBeGreaterThan(0);
    expect(aws.files.filter((f) => !gcp.files.includes(f)).length).toBeGreaterThan(0);
  });

  it('with provider gcp loads the GKE side and nothing of the EKS side', () => {
    for (const [what, marker] of Object.entries(GKE_SIDE))
      expect([what, gcp.text.includes(marker)]).toEqual([what, true]);
    for (const [what, marker] of Object.entries({ ...EKS_SIDE, ...SDKS }))
      expect([what, gcp.text.includes(marker)]).toEqual([what, false]);
  });

  it('with provider aws loads the EKS side and nothing of the GKE side', () => {
    for (const [what, marker] of Object.entries(EKS_SIDE))
      expect([what, aws.text.includes(marker)]).toEqual([what, true]);
    for (const [what, marker] of Object.entries({ ...GKE_SIDE, ...SDKS }))
      expect([what, aws.text.includes(marker)]).toEqual([what, false]);
  });
});
