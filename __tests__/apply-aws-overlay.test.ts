/**
 * The user's `eksctl-config` overlay: merged into what eksctl is given, validated, and refused before
 * anything runs when it would break the reference architecture. Also `network: vpc-cni` and the STS
 * token. FAKE EKS/CloudFormation and Kubernetes APIs, eksctl TEST STAND-IN.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { applyFlow } from '../src/providers/aws/apply.js';
import { EKS_TOKEN_PREFIX, eksToken } from '../src/providers/aws/eks-token.js';
import { planFlow } from '../src/commands/plan.js';
import { InputError } from '../src/inputs.js';
import { POOL_LABELS } from '../src/reference.js';
import { fakeIO } from './fixtures.js';
import { FAKE_AWS_ENV, type AwsWorld, startAwsWorld } from './support/aws-world.js';
import { SHARED_SCHEMA_URL } from './support/eksctl-schema-compact.js';

let world: AwsWorld;
beforeEach(async () => {
  world = await startAwsWorld();
});
afterEach(async () => {
  await world.close();
});

function overlayFile(text: string): string {
  const file = path.join(world.dir, `overlay-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
}

const GOOD_OVERLAY = `
metadata:
  tags:
    team: platform
availabilityZones: [eu-west-1a, eu-west-1b]
managedNodeGroups:
  - name: workspaces
    volumeSize: 500
    labels:
      example.com/tier: workspaces
  - name: monitoring
    instanceTypes: [t3.large]
    minSize: 1
    maxSize: 2
`;

describe('the eksctl-config overlay', () => {
  it('is deep-merged into the config eksctl is given (nodegroups by name), which eksctl’s schema accepts', async () => {
    const io = fakeIO();
    await applyFlow(world.config({ 'eksctl-config': overlayFile(GOOD_OVERLAY) }), io, world.deps());
    // The whole config goes to `create nodegroup` (`create cluster` gets it without nodegroups under Calico).
    const given = world.eks.eksctlCalls.find((c) => c.command === 'create nodegroup')!.config as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed YAML document
    expect(given.metadata.tags).toEqual({ department: 'cs', project: 'gitpod', team: 'platform' });
    expect(given.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    const [services, workspaces, monitoring] = given.managedNodeGroups;
    expect(services.volumeSize).toBe(300);
    expect(workspaces).toMatchObject({ volumeSize: 500, instanceTypes: ['m6i.2xlarge'], maxPodsPerNode: 110 });
    expect(workspaces.labels).toEqual({ ...POOL_LABELS.workspaces, 'example.com/tier': 'workspaces' });
    expect(monitoring.name).toBe('monitoring');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      JSON.parse(readFileSync(SHARED_SCHEMA_URL, 'utf8')),
    );
    expect(validate(given) ? [] : validate.errors).toEqual([]);
    expect(world.eks.nodegroupNames('gitpod').sort()).toEqual(['monitoring', 'services', 'workspaces']);
  });

  const BAD: [string, string, RegExp][] = [
    [
      'a boolean label',
      'managedNodeGroups:\n  - name: services\n    labels: { example.com/x: true }\n',
      /expected string, got boolean/,
    ],
    [
      'a changed reference label',
      'managedNodeGroups:\n  - name: services\n    labels: { gitpod.io/workload_meta: "false" }\n',
      /must keep the label gitpod.io\/workload_meta=true/,
    ],
    [
      'maxPodsPerNode below max-pods',
      'managedNodeGroups:\n  - name: workspaces\n    maxPodsPerNode: 50\n',
      /maxPodsPerNode 50, below the max-pods input \(110\)/,
    ],
    [
      'an unknown field',
      'managedNodeGroups:\n  - name: workspaces\n    maxPods: 200\n',
      /maxPods \(line 3\): eksctl's schema refuses it: is not a field eksctl knows/,
    ],
    [
      'a numeric version',
      'metadata:\n  version: 1.33\n',
      /metadata.version 1.33 differs from the `kubernetes-version` input/,
    ],
    [
      'another cluster name',
      'metadata:\n  name: other\n',
      /metadata.name "other" differs from the `cluster-name` input/,
    ],
    ['the nodegroups removed', 'managedNodeGroups: null\n', /must keep the services nodegroup `services`/],
    ['invalid YAML', 'managedNodeGroups: [\n', /not valid YAML/],
    ['a list, not a mapping', '- a\n- b\n', /not a YAML mapping/],
  ];
  it.each(BAD)('with %s is refused, in plan and in apply, before anything runs', async (_what, text, message) => {
    const file = overlayFile(text);
    const config = world.config({ 'eksctl-config': file });
    expect(() => planFlow({ ...config, command: 'plan' })).toThrow(message);
    let installed = false;
    const err = await applyFlow(
      config,
      fakeIO(),
      world.deps({
        install: async () => {
          installed = true;
          return {};
        },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/^Input 'eksctl-config' received "/);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    expect(installed).toBe(false);
    expect(world.eks.requests).toEqual([]);
    expect(world.kube.requests).toEqual([]);
  });

  it('a missing file is refused by name', () => {
    expect(() =>
      planFlow(world.config({ 'eksctl-config': path.join(world.dir, 'nope.yaml'), command: 'plan' })),
    ).toThrow(/the file cannot be read \(ENOENT\)/);
  });

  it('with network vpc-cni, an overlay that drops prefix delegation is refused', () => {
    const file = overlayFile(
      'addons:\n  - name: vpc-cni\n    configurationValues: \'{"env":{"ENABLE_PREFIX_DELEGATION":"false"}}\'\n',
    );
    expect(() => planFlow(world.config({ 'eksctl-config': file, network: 'vpc-cni', command: 'plan' }))).toThrow(
      /ENABLE_PREFIX_DELEGATION/,
    );
  });
});

describe('EKS apply with network vpc-cni', () => {
  it('skips the Calico steps, keeps aws-node, and gives eksctl prefix delegation for max-pods', async () => {
    const records = await applyFlow(world.config({ network: 'vpc-cni' }), fakeIO(), world.deps());
    expect(records.map((r) => r.id)).toEqual([
      'cluster',
      'kubeconfig',
      'kube-system',
      'nodegroups',
      'nodegroup-labels',
      'nodegroup-scaling',
      'service-accounts',
      'record-desired-state',
    ]);
    // eksctl was told --without-nodegroup: the nodegroups come from `eksctl create nodegroup`, not with the cluster.
    expect(records.find((r) => r.id === 'nodegroups')!.status).toBe('done');
    const given = world.eks.eksctlCalls[0]!.config as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed YAML document
    const addon = given.addons.find((a: { name: string }) => a.name === 'vpc-cni');
    expect(JSON.parse(addon.configurationValues).env.ENABLE_PREFIX_DELEGATION).toBe('true');
    // No Calico write: the one Kubernetes write is the record of the desired state.
    expect(world.kube.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/namespaces/kube-system/configmaps',
    ]);
    expect(
      world.kube.object({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'aws-node', namespace: 'kube-system' }),
    ).toBeDefined();
    expect(world.calico.requests).toEqual([]);
  });
});

describe('the EKS bearer token (presigned STS GetCallerIdentity)', () => {
  it('has the shape `aws eks get-token` gives, and a SigV4 signature over host and x-k8s-aws-id', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const token = await eksToken({ clusterName: 'gitpod', region: 'eu-west-1', credentials, now });
    expect(token.startsWith(EKS_TOKEN_PREFIX)).toBe(true);
    const b64 = token.slice(EKS_TOKEN_PREFIX.length);
    expect(b64).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    const url = new URL(Buffer.from(b64, 'base64url').toString('utf8'));
    expect(url.origin).toBe('https://sts.eu-west-1.amazonaws.com');
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20260301/eu-west-1/sts/aws4_request',
      'X-Amz-Date': '20260301T120000Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
    });

    // An independent SigV4 computation over the same request must give the same signature.
    const enc = (s: string) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const canonicalQuery = Object.entries(q)
      .filter(([k]) => k !== 'X-Amz-Signature')
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .join('&');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const canonical = [
      'GET',
      '/',
      canonicalQuery,
      'host:sts.eu-west-1.amazonaws.com',
      'x-k8s-aws-id:gitpod',
      '',
      'host;x-k8s-aws-id',
      sha(''),
    ].join('\n');
    const scope = '20260301/eu-west-1/sts/aws4_request';
    const toSign = ['AWS4-HMAC-SHA256', '20260301T120000Z', scope, sha(canonical)].join('\n');
    let key: Buffer = Buffer.from(`AWS4${credentials.secretAccessKey}`);
    for (const part of ['20260301', 'eu-west-1', 'sts', 'aws4_request'])
      key = createHmac('sha256', key).update(part).digest();
    expect(q['X-Amz-Signature']).toBe(createHmac('sha256', key).update(toSign).digest('hex'));
  });

  it('reaches apply’s Kubernetes client, and never a log line, output, summary or the kubeconfig', async () => {
    const io = fakeIO();
    await applyFlow(world.config(), io, world.deps());
    const token = world.accesses[0]!.token!;
    expect(token).toMatch(/^k8s-aws-v1\.[A-Za-z0-9_-]{200,}$/);
    const everything = [
      ...io.lines,
      ...Object.values(io.outputs),
      ...io.summary,
      readFileSync(world.config().kubeconfigPath, 'utf8'),
    ].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(FAKE_AWS_ENV.AWS_SECRET_ACCESS_KEY);
    expect(everything).not.toContain(FAKE_AWS_ENV.AWS_SESSION_TOKEN);
    expect(new URL(Buffer.from(token.slice(11), 'base64url').toString()).searchParams.get('X-Amz-Security-Token')).toBe(
      FAKE_AWS_ENV.AWS_SESSION_TOKEN,
    );
  });
});
