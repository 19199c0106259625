/**
 * EKS defaults that hold in 2026 (issue #13): no AL2 preBootstrapCommands, the upgrade policy from
 * `eks-support-type`, no vpc-cni add-on under Calico, access entries for `viewer-role-arns` with RBAC
 * that covers exactly what `verify` reads, and `cluster-tags`. Rendering is pinned with literals; apply
 * and verify run the real SDK and Kubernetes clients against the fakes (eksctl TEST STAND-IN).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { applyFlow } from '../src/providers/aws/apply.js';
import { connectKube } from '../src/clients/kube.js';
import { awsCloud } from '../src/providers/aws/cloud.js';
import { verify } from '../src/commands/verify.js';
import { InputError } from '../src/inputs.js';
import { memoryLogger } from '../src/log.js';
import { planFlow } from '../src/commands/plan.js';
import { clusterCreateConfig, renderClusterConfig, viewerRbacObjects } from '../src/providers/aws/plan.js';
import type { RecordedRequest } from './fakes/kube-api.js';
import { type Inputs, configOf, fakeIO } from './fixtures.js';
import { type AwsWorld, startAwsWorld } from './support/aws-world.js';

const plan = (inputs: Inputs = {}) => configOf({ provider: 'aws', command: 'plan', ...inputs });
const VIEWER = 'arn:aws:iam::123456789012:role/gitpod-drift-check';
const VIEWER_2 = 'arn:aws-us-gov:iam::210987654321:role/ops/readers/auditor';

describe('the rendered ClusterConfig', () => {
  it('has no preBootstrapCommands on either nodegroup (they edit AL2 bootstrap.sh)', () => {
    const { eksctlConfig } = planFlow(plan());
    expect(eksctlConfig).not.toContain('preBootstrapCommands');
    expect(eksctlConfig).not.toContain('bootstrap.sh');
    // max pods reaches the kubelet through eksctl's own field.
    const groups = parse(eksctlConfig!).managedNodeGroups as Record<string, unknown>[];
    expect(groups.map((g) => [g.name, g.maxPodsPerNode, g.preBootstrapCommands])).toEqual([
      ['services', 110, undefined],
      ['workspaces', 110, undefined],
    ]);
  });

  it('sets upgradePolicy.supportType STANDARD by default, EXTENDED when asked', () => {
    expect(parse(planFlow(plan()).eksctlConfig!).upgradePolicy).toEqual({ supportType: 'STANDARD' });
    expect(renderClusterConfig(plan({ 'eks-support-type': 'extended' }), {}).upgradePolicy).toEqual({
      supportType: 'EXTENDED',
    });
  });

  it('with Calico disables the default add-ons and names kube-proxy and coredns, as YAML eksctl reads', () => {
    const yaml = planFlow(plan()).eksctlConfig!;
    expect(yaml).toContain(
      [
        'addonsConfig:',
        '  disableDefaultAddons: true',
        'addons:',
        '  - name: kube-proxy',
        '  - name: coredns',
        '',
      ].join('\n'),
    );
    expect(yaml).not.toContain('vpc-cni');
  });

  it('with vpc-cni keeps the default add-ons and its prefix-delegating vpc-cni', () => {
    const doc = renderClusterConfig(plan({ network: 'vpc-cni' }), {});
    expect(doc.addonsConfig).toBeUndefined();
    expect((doc.addons as { name: string }[]).map((a) => a.name)).toEqual(['vpc-cni']);
  });

  it('renders accessConfig: API_AND_CONFIG_MAP, and one entry per viewer role in our group', () => {
    expect(renderClusterConfig(plan(), {}).accessConfig).toEqual({ authenticationMode: 'API_AND_CONFIG_MAP' });
    const doc = renderClusterConfig(plan({ 'viewer-role-arns': `${VIEWER}, ${VIEWER_2}` }), {});
    expect(doc.accessConfig).toEqual({
      authenticationMode: 'API_AND_CONFIG_MAP',
      accessEntries: [
        { principalARN: VIEWER, type: 'STANDARD', kubernetesGroups: ['gitpod-cluster-viewer'] },
        { principalARN: VIEWER_2, type: 'STANDARD', kubernetesGroups: ['gitpod-cluster-viewer'] },
      ],
    });
    // No EKS access policy: AmazonEKSViewPolicy would read every namespace.
    expect(JSON.stringify(doc)).not.toContain('accessPolicies');
  });

  it('renders metadata.tags from cluster-tags, the reference two by default', () => {
    expect(renderClusterConfig(plan(), {}).metadata.tags).toEqual({ department: 'cs', project: 'gitpod' });
    expect(
      renderClusterConfig(plan({ 'cluster-tags': 'team=platform, cost-center=4711 A/B' }), {}).metadata.tags,
    ).toEqual({
      team: 'platform',
      'cost-center': '4711 A/B',
    });
  });

  it('gives `eksctl create cluster` the config without nodegroups and service accounts under Calico', () => {
    const doc = renderClusterConfig(plan(), { version: '1.34' });
    const create = clusterCreateConfig(doc);
    expect(create.managedNodeGroups).toBeUndefined();
    expect(create.iam).toEqual({ withOIDC: true });
    expect(create.addonsConfig).toEqual({ disableDefaultAddons: true });
    // With the VPC CNI eksctl takes everything at creation.
    const vpc = renderClusterConfig(plan({ network: 'vpc-cni' }), {});
    expect(clusterCreateConfig(vpc)).toBe(vpc);
  });
});

describe('an overlay eksctl would refuse on a cluster without the VPC CNI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bare-overlay-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const withOverlay = (yaml: string, inputs: Inputs = {}) => {
    const file = path.join(dir, 'overlay.yaml');
    writeFileSync(file, yaml);
    return () => planFlow(plan({ 'eksctl-config': file, ...inputs }));
  };

  it('is refused before anything runs when it sets what eksctl refuses there and no later step creates', () => {
    const fargate = 'fargateProfiles:\n  - name: fp-default\n    selectors:\n      - namespace: default\n';
    expect(withOverlay(fargate)).toThrow(
      /Input 'eksctl-config' received ".*overlay.yaml": expected .*; fargateProfiles cannot be created with `network: calico`: eksctl creates that cluster without the VPC CNI \(addonsConfig.disableDefaultAddons\) and refuses them at creation; remove them \(add them after apply\), or use `network: vpc-cni`\.$/,
    );
    // The same overlay with the VPC CNI: eksctl accepts it.
    expect(withOverlay(fargate, { network: 'vpc-cni' })).not.toThrow();
  });

  it('may not bring the vpc-cni add-on back under Calico', () => {
    expect(withOverlay('addons:\n  - name: vpc-cni\n')).toThrow(
      /; addons\[0\]\.name \(line 2\): with `network: calico` addons must not hold vpc-cni \(it brings aws-node back beside Calico\); use `network: vpc-cni` to keep the AWS VPC CNI\.$/,
    );
  });
});

describe('the new inputs refuse bad values with one line naming input, value and form', () => {
  const refused = (inputs: Inputs) => {
    try {
      configOf({ provider: 'aws', command: 'plan', ...inputs });
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as Error).message;
    }
    throw new Error('accepted');
  };

  it('eks-support-type: standard or extended only', () => {
    expect(refused({ 'eks-support-type': 'STANDARD' })).toBe(
      'Input \'eks-support-type\' received "STANDARD": expected one of `standard`, `extended`.',
    );
    expect(refused({ 'eks-support-type': 'none' })).toContain("'eks-support-type'");
  });

  it('viewer-role-arns: IAM role ARNs of a 12-digit account, each once', () => {
    for (const bad of [
      'arn:aws:iam::123456789012:user/alice',
      'arn:aws:iam::12345678901:role/short-account',
      'arn:aws:sts::123456789012:assumed-role/x/y',
      'arn:aws:iam::123456789012:role/',
      'gitpod-drift-check',
      `${VIEWER},${VIEWER}`,
      'arn:aws:iam::123456789012:role/with space',
    ]) {
      const message = refused({ 'viewer-role-arns': bad });
      expect(message).toMatch(/^Input 'viewer-role-arns' received ".*": expected comma-separated IAM role ARNs/);
    }
    expect(
      configOf({ provider: 'aws', command: 'plan', 'viewer-role-arns': `${VIEWER}\n${VIEWER_2}` }).viewerRoleArns,
    ).toEqual([VIEWER, VIEWER_2]);
    expect(
      configOf({
        provider: 'aws',
        command: 'plan',
        'viewer-role-arns': 'arn:aws-cn:iam::123456789012:role/a.b+c=d@e',
      }).viewerRoleArns,
    ).toEqual(['arn:aws-cn:iam::123456789012:role/a.b+c=d@e']);
  });

  it('cluster-tags: AWS tag rules', () => {
    expect(refused({ 'cluster-tags': 'aws:createdBy=me' })).toContain('which AWS reserves');
    expect(refused({ 'cluster-tags': 'department' })).toContain('Input \'cluster-tags\' received "department"');
    expect(refused({ 'cluster-tags': `${'k'.repeat(129)}=v` })).toContain('1-128');
    expect(refused({ 'cluster-tags': `k=${'v'.repeat(257)}` })).toContain('0-256');
    expect(refused({ 'cluster-tags': 'a=1,a=2' })).toContain("'a' appears twice");
    expect(refused({ 'cluster-tags': 'team=a;b' })).toContain('tag value');
  });

  it('are AWS only', () => {
    for (const inputs of [
      { 'eks-support-type': 'extended' },
      { 'viewer-role-arns': VIEWER },
      { 'cluster-tags': 'a=b' },
    ] as Inputs[]) {
      expect(() => configOf({ provider: 'gcp', command: 'plan', project: 'my-project-1', ...inputs })).toThrow(
        /no value with `provider: gcp` \(AWS only\)/,
      );
    }
    // action.yml's default reaches a GCP run too.
    expect(
      configOf({ provider: 'gcp', command: 'plan', project: 'my-project-1', 'eks-support-type': 'standard' }).provider,
    ).toBe('gcp');
  });
});

/** Kubernetes RBAC evaluation, written from the API reference (not from src): does a rule allow a request? */
interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
interface Attributes {
  group: string;
  resource: string;
  verb: string;
  name?: string;
  namespace?: string;
}
function allows(rules: Rule[], a: Attributes): boolean {
  return rules.some(
    (r) =>
      r.apiGroups.includes(a.group) &&
      r.resources.includes(a.resource) &&
      r.verbs.includes(a.verb) &&
      (!r.resourceNames?.length || (a.name !== undefined && r.resourceNames.includes(a.name))),
  );
}
/** A recorded GET as RBAC sees it; undefined for the non-resource URLs every authenticated user may read. */
function attributes(r: RecordedRequest): Attributes | undefined {
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)\/(.+)$/.exec(r.path);
  if (!m) return undefined; // /version, /api, /apis: system:discovery and system:public-info-viewer
  const seg = m[2]!.split('/');
  let namespace: string | undefined;
  if (seg[0] === 'namespaces' && seg.length >= 3) namespace = seg.splice(0, 2)[1];
  return { group: m[1] ?? '', resource: seg[0]!, name: seg[1], namespace, verb: seg[1] ? 'get' : 'list' };
}

describe('EKS verify and apply against the fakes', () => {
  let world: AwsWorld;
  beforeEach(async () => {
    world = await startAwsWorld();
  });
  afterEach(() => world.close());

  async function verifyNow(inputs: Inputs = {}) {
    const config = world.config({ command: 'verify', 'fail-on-drift': 'false', ...inputs });
    const io = fakeIO();
    const kube = await connectKube({ ...world.kube.access() }, memoryLogger());
    const before = world.kube.requests.length;
    const report = await verify(config, io, { cloud: awsCloud(config, io.log), kube });
    const item = (name: string) => report.items.find((i) => i.name === name)!;
    return { report, io, item, kubeRequests: world.kube.requests.slice(before) };
  }

  it('network: a vpc-cni EKS add-on is an ERROR under calico', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    expect((await verifyNow()).item('network').status).toBe('OK');
    expect(world.eks.addonNames('gitpod').sort()).toEqual(['coredns', 'kube-proxy']);

    world.eks.addons.set('gitpod/vpc-cni', {
      addonName: 'vpc-cni',
      clusterName: 'gitpod',
      status: 'ACTIVE',
      addonVersion: 'v1.20.4-eksbuild.2',
    });
    const { item, io } = await verifyNow();
    expect(item('network')).toEqual({
      name: 'network',
      description: expect.any(String),
      status: 'ERROR',
      errors: [
        {
          type: 'ERROR',
          message:
            'the vpc-cni EKS add-on is installed (v1.20.4-eksbuild.2, ACTIVE): an add-on update brings aws-node back beside Calico; delete the add-on (`eksctl delete addon --cluster gitpod --region eu-west-1 --name vpc-cni`)',
        },
      ],
    });
    expect(io.outputs.verified).toBe('false');
    expect(world.eks.requests.map((r) => r.action)).toEqual(expect.arrayContaining(['ListAddons', 'DescribeAddon']));
  });

  it('network: the vpc-cni add-on is OK under vpc-cni', async () => {
    await applyFlow(world.config({ network: 'vpc-cni' }), fakeIO(), world.deps());
    expect(world.eks.addonNames('gitpod').sort()).toEqual(['coredns', 'kube-proxy', 'metrics-server', 'vpc-cni']);
    const { item } = await verifyNow({ network: 'vpc-cni' });
    expect(item('network')).toMatchObject({ status: 'OK', errors: [] });
  });

  it('cloud-config: an upgrade policy other than eks-support-type is drift, with the command that fixes it', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    expect(world.eks.cluster('gitpod')!.supportType).toBe('STANDARD');
    world.eks.cluster('gitpod')!.supportType = 'EXTENDED';
    const { item, io } = await verifyNow();
    expect(item('cloud-config').errors.map((e) => e.message)).toEqual([
      'cluster gitpod: upgrade policy support type is "EXTENDED", wanted "STANDARD" (eks-support-type: standard); run `aws eks update-cluster-config --name gitpod --region eu-west-1 --upgrade-policy supportType=STANDARD`',
    ]);
    expect(io.outputs.drift).toBe('true');
    // extended asked, extended found: conformant.
    expect((await verifyNow({ 'eks-support-type': 'extended' })).item('cloud-config').status).toBe('OK');

    // apply does not change it (eksctl has no command for it) and says what to run.
    const io2 = fakeIO();
    const calls = world.eks.eksctlCalls.length;
    await applyFlow(world.config(), io2, world.deps());
    expect(world.eks.eksctlCalls).toHaveLength(calls);
    expect(io2.lines.join('\n')).toContain(
      'EKS cluster gitpod has upgrade policy EXTENDED, eks-support-type wants STANDARD; eksctl cannot change it: run `aws eks update-cluster-config --name gitpod --region eu-west-1 --upgrade-policy supportType=STANDARD`',
    );
  });

  it('viewer-role-arns on a new cluster: eksctl creates the entries with the cluster, apply the RBAC; a re-run writes nothing', async () => {
    const inputs = { 'viewer-role-arns': `${VIEWER},${VIEWER_2}` };
    const { length } = await applyFlow(world.config(inputs), fakeIO(), world.deps());
    expect(length).toBe(14); // the reference flow, nodegroup-labels, nodegroup-scaling, service-accounts, access-entries, viewer-rbac, record-desired-state
    expect(world.eks.eksctlCalls.map((c) => c.command)).toEqual([
      'create cluster',
      'create nodegroup',
      'create iamserviceaccount',
    ]);
    for (const arn of [VIEWER, VIEWER_2]) {
      expect(world.eks.accessEntries.get(`gitpod/${arn}`)).toMatchObject({
        kubernetesGroups: ['gitpod-cluster-viewer'],
        type: 'STANDARD',
      });
    }
    expect(
      world.kube.object({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        name: 'gitpod-cluster-viewer',
      }),
    ).toMatchObject({ subjects: [{ kind: 'Group', name: 'gitpod-cluster-viewer' }] });

    const before = { eks: world.eks.writes().length, kube: world.kube.mutations().length };
    const records = await applyFlow(world.config(inputs), fakeIO(), world.deps());
    expect(world.eks.writes()).toHaveLength(before.eks);
    expect(world.kube.mutations()).toHaveLength(before.kube);
    expect(records.filter((r) => r.id !== 'kubeconfig').every((r) => r.status === 'skipped')).toBe(true);
    expect(records.find((r) => r.id === 'access-entries')!.detail).toBe(
      'access entries for 2 viewer role(s) in group gitpod-cluster-viewer',
    );
    expect(world.eks.requests.map((r) => r.action)).toEqual(
      expect.arrayContaining(['ListAccessEntries', 'DescribeAccessEntry']),
    );
  });

  it('viewer-role-arns added to an existing cluster: one `eksctl create accessentry`, then nothing', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    expect(world.eks.accessEntryArns('gitpod')).toEqual([world.eks.creatorArn]);

    const inputs = { 'viewer-role-arns': VIEWER };
    const kubeBefore = world.kube.mutations().length;
    const records = await applyFlow(world.config(inputs), fakeIO(), world.deps());
    expect(records.map((r) => [r.id, r.status]).slice(-4)).toEqual([
      ['service-accounts', 'skipped'],
      ['access-entries', 'done'],
      ['viewer-rbac', 'done'],
      ['record-desired-state', 'skipped'],
    ]);
    const call = world.eks.eksctlCalls.at(-1)!;
    expect(call.argv).toEqual(['create', 'accessentry', `--config-file=${world.config().tempDir}/gitpod.eksctl.yaml`]);
    expect((call.config!.accessConfig as Record<string, unknown>).accessEntries).toEqual([
      { principalARN: VIEWER, type: 'STANDARD', kubernetesGroups: ['gitpod-cluster-viewer'] },
    ]);
    expect(world.eks.accessEntryArns('gitpod').sort()).toEqual([world.eks.creatorArn, VIEWER].sort());
    const rbacWrites = world.kube
      .mutations()
      .slice(kubeBefore)
      .filter((r) => r.path.includes('rbac.authorization.k8s.io'))
      .map((r) => `${r.method} ${r.path}`);
    expect(rbacWrites).toEqual([
      'POST /apis/rbac.authorization.k8s.io/v1/clusterroles',
      'POST /apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      'POST /apis/rbac.authorization.k8s.io/v1/namespaces/kube-system/roles',
      'POST /apis/rbac.authorization.k8s.io/v1/namespaces/kube-system/rolebindings',
    ]);

    const before = {
      eks: world.eks.writes().length,
      kube: world.kube.mutations().length,
      calls: world.eks.eksctlCalls.length,
    };
    await applyFlow(world.config(inputs), fakeIO(), world.deps());
    expect(world.eks.eksctlCalls).toHaveLength(before.calls);
    expect(world.eks.writes()).toHaveLength(before.eks);
    expect(world.kube.mutations()).toHaveLength(before.kube);
  });

  it('an access entry made elsewhere without our group stops apply with the command that fixes it', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    world.eks.putAccessEntry('gitpod', VIEWER, ['ops']);
    await expect(applyFlow(world.config({ 'viewer-role-arns': VIEWER }), fakeIO(), world.deps())).rejects.toThrow(
      `EKS access entry ${VIEWER} exists without the Kubernetes group gitpod-cluster-viewer (it has ["ops"]); run \`aws eks update-access-entry --cluster-name gitpod --region eu-west-1 --principal-arn ${VIEWER} --kubernetes-groups ops gitpod-cluster-viewer\` and re-run`,
    );
  });

  it('a cluster on aws-auth only (CONFIG_MAP) gets the eksctl command that enables access entries', async () => {
    await applyFlow(world.config(), fakeIO(), world.deps());
    world.eks.cluster('gitpod')!.authenticationMode = 'CONFIG_MAP';
    await expect(applyFlow(world.config({ 'viewer-role-arns': VIEWER }), fakeIO(), world.deps())).rejects.toThrow(
      '`eksctl utils update-authentication-mode --cluster gitpod --region eu-west-1 --authentication-mode API_AND_CONFIG_MAP`',
    );
  });

  it('the viewers’ RBAC allows every Kubernetes read verify makes, and no write', async () => {
    await applyFlow(world.config({ 'viewer-role-arns': VIEWER }), fakeIO(), world.deps());
    const [clusterRole, , role] = viewerRbacObjects() as { rules: Rule[] }[];
    expect(clusterRole!.rules).toEqual([
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] },
      { apiGroups: ['operator.tigera.io'], resources: ['installations'], resourceNames: ['default'], verbs: ['get'] },
      { apiGroups: ['operator.tigera.io'], resources: ['tigerastatuses'], resourceNames: ['calico'], verbs: ['get'] },
    ]);
    expect(role!.rules).toEqual([
      { apiGroups: ['apps'], resources: ['daemonsets'], resourceNames: ['aws-node'], verbs: ['get'] },
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['gitpod-cluster-action'], verbs: ['get'] },
    ]);

    const { kubeRequests, item } = await verifyNow({ 'viewer-role-arns': VIEWER });
    expect(item('network').status).toBe('OK');
    const reads = kubeRequests.map(attributes).filter((a): a is Attributes => !!a);
    expect(kubeRequests.every((r) => r.method === 'GET')).toBe(true);
    expect(reads.map((a) => `${a.verb} ${a.group}/${a.resource}${a.name ? `/${a.name}` : ''}`).sort()).toEqual([
      'get /configmaps/gitpod-cluster-action',
      'get apps/daemonsets/aws-node',
      'get operator.tigera.io/installations/default',
      'list /nodes',
    ]);
    const allowed = (a: Attributes) =>
      allows(clusterRole!.rules, a) || (a.namespace === 'kube-system' && allows(role!.rules, a));
    expect(reads.filter((a) => !allowed(a))).toEqual([]);
    // The check can fail: without the Role the DaemonSet and record reads are denied; no rule grants a write.
    expect(
      reads
        .filter((a) => !allows(clusterRole!.rules, a))
        .map((a) => a.resource)
        .sort(),
    ).toEqual(['configmaps', 'daemonsets']);
    for (const verb of ['create', 'update', 'patch', 'delete'])
      expect(allows([...clusterRole!.rules, ...role!.rules], { group: '', resource: 'nodes', verb })).toBe(false);
  });
});
