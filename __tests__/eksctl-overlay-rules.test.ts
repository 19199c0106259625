/**
 * `eksctl-config` overlays that eksctl accepts are accepted, ones it refuses are refused in `plan` with one
 * line naming the field in the user's file. Each overlay here is written by hand after a rule of eksctl
 * 0.230.0 (pkg/apis/eksctl.io/v1alpha5/validation.go, pkg/ctl/cmdutils/configfile.go); nothing runs but
 * `plan`, which starts no process and makes no request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plan, planFlow } from '../src/commands/plan.js';
import { InputError } from '../src/inputs.js';
import { RENDERED_CONFLICTS } from '../src/providers/aws/eksctl/rules.js';
import { configOf, fakeIO } from './fixtures.js';
import { parse } from 'yaml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'overlay-rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function inputsWith(text: string, extra: Record<string, string> = {}) {
  const file = path.join(dir, `overlay-${++n}.yaml`);
  writeFileSync(file, text);
  return { provider: 'aws', command: 'plan', region: 'us-west-2', 'eksctl-config': file, ...extra };
}

type Ng = Record<string, unknown> & { name: string };
/** The ClusterConfig `plan` renders for this overlay. */
function rendered(text: string, extra: Record<string, string> = {}) {
  const result = planFlow(configOf(inputsWith(text, extra)));
  const doc = parse(result.eksctlConfig!) as Record<string, unknown> & { managedNodeGroups: Ng[] };
  const ng = (name: string) => doc.managedNodeGroups.find((g) => g.name === name)!;
  return { doc, ng, notes: result.notes ?? [], dropped: result.dropped ?? [] };
}

/** The one error line `plan` refuses this overlay with (after the fixed prefix naming the input). */
function refusal(text: string, extra: Record<string, string> = {}): string {
  let err: unknown;
  try {
    planFlow(configOf(inputsWith(text, extra)));
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  const message = (err as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toMatch(/^Input 'eksctl-config' received "[^"]+": expected a YAML eksctl ClusterConfig/);
  return message.replace(/^.*merged over the rendered one; /, '');
}

describe('nodegroup names follow eksctl’s IsInvalidNameArg (letters, digits, hyphens), nothing stricter', () => {
  it.each(['1-gpu-spot-g5-xlarge', 'ng-1', '-edge', 'Workers2'])('accepts %s', (name) => {
    const { ng } = rendered(`managedNodeGroups:\n  - name: ${name}\n    instanceTypes: [m5.large]\n`);
    expect(ng(name).name).toBe(name);
  });

  it.each(['ng_1', 'ng.1', 'gpu nodes'])('refuses %j, naming the field and line', (name) => {
    expect(refusal(`availabilityZones: [us-west-2a, us-west-2b]\nmanagedNodeGroups:\n  - name: "${name}"\n`)).toBe(
      `managedNodeGroups[0].name (line 3): ${JSON.stringify(name)} is not a nodegroup name eksctl accepts (letters, digits and hyphens only).`,
    );
  });

  it('refuses a name used twice across managed and unmanaged nodegroups', () => {
    expect(refusal('nodeGroups:\n  - name: workspaces\n    instanceType: m5.large\n')).toBe(
      'nodeGroups[0].name (line 2): "workspaces" is not unique across the nodegroups.',
    );
  });
});

describe('identityProviders (type oidc) in an overlay', () => {
  const idp = (fields: string) => `identityProviders:\n  - type: oidc\n${fields}`;
  const full = '    name: corp\n    issuerURL: https://sso.example.test\n    clientID: kubernetes\n';

  it('a valid OIDC provider passes plan', () => {
    const { doc } = rendered(idp(full));
    expect(doc.identityProviders).toEqual([
      { type: 'oidc', name: 'corp', issuerURL: 'https://sso.example.test', clientID: 'kubernetes' },
    ]);
  });

  it.each(['issuerURL', 'clientID', 'name'])('one without %s is refused, naming it', (field) => {
    const without = full
      .split('\n')
      .filter((l) => !l.includes(`${field}:`))
      .join('\n');
    expect(refusal(idp(without))).toMatch(
      new RegExp(`^identityProviders\\[0\\]\\.${field} \\(line 2\\): eksctl's schema refuses it: is required\\.$`),
    );
  });
});

describe('a Gitpod pool with its own image (ami or launchTemplate), where eksctl refuses maxPodsPerNode', () => {
  const AMI = 'ami-0123456789abcdef0';

  it('a custom AMI: accepted without maxPodsPerNode, the other pool keeps it, plan says the image must set 110', () => {
    const { ng, notes, dropped } = rendered(
      `managedNodeGroups:\n  - name: workspaces\n    ami: ${AMI}\n    amiFamily: AmazonLinux2023\n`,
    );
    expect(ng('workspaces').ami).toBe(AMI);
    expect(ng('workspaces')).not.toHaveProperty('maxPodsPerNode');
    expect(ng('services').maxPodsPerNode).toBe(110);
    expect(dropped).toEqual([
      'managedNodeGroups[1].maxPodsPerNode (custom-ami-max-pods: maxPodsPerNode is not supported when using a custom AMI)',
    ]);
    expect(notes).toEqual([
      'The workspaces nodegroup `workspaces` uses its own custom AMI (ami), where eksctl does not set maxPodsPerNode: the image must configure the kubelet for 110 pods per node (the max-pods input); verify checks it on the nodes.',
    ]);
  });

  it('a launch template: accepted without the fields eksctl refuses with one', () => {
    const { ng, notes } = rendered(
      'managedNodeGroups:\n  - name: services\n    launchTemplate: { id: lt-0abc1234, version: "3" }\n',
    );
    const services = ng('services');
    expect(services.launchTemplate).toEqual({ id: 'lt-0abc1234', version: '3' });
    for (const field of ['maxPodsPerNode', 'volumeSize', 'disableIMDSv1', 'preBootstrapCommands'])
      expect(services).not.toHaveProperty(field);
    expect(ng('workspaces').maxPodsPerNode).toBe(110);
    expect(ng('workspaces').volumeSize).toBe(300);
    expect(notes[0]).toMatch(
      /^The services nodegroup `services` uses its own launch template \(launchTemplate\).*the launch template must configure the kubelet for 110 pods per node/,
    );
  });

  it('plan logs the note as a warning and puts it in the job summary', async () => {
    const io = fakeIO();
    await plan(
      configOf(inputsWith(`managedNodeGroups:\n  - name: workspaces\n    ami: ${AMI}\n    amiFamily: Bottlerocket\n`)),
      io,
    );
    expect(io.lines).toContainEqual(
      expect.stringMatching(
        /^warning: The workspaces nodegroup `workspaces` uses its own custom AMI .* 110 pods per node/,
      ),
    );
    expect(io.summary.join('\n')).toContain('the image must configure the kubelet for 110 pods per node');
  });

  it('the user’s own maxPodsPerNode next to ami is refused, naming their line', () => {
    expect(
      refusal(
        `managedNodeGroups:\n  - name: workspaces\n    ami: ${AMI}\n    amiFamily: AmazonLinux2023\n    maxPodsPerNode: 110\n`,
      ),
    ).toBe(
      'managedNodeGroups[0].maxPodsPerNode (line 5): eksctl refuses it with a custom AMI (ami) ("maxPodsPerNode is not supported when using a custom AMI"): remove it.',
    );
  });

  it('the user’s volumeSize next to a launch template is refused', () => {
    expect(
      refusal('managedNodeGroups:\n  - name: services\n    launchTemplate: { id: lt-1 }\n    volumeSize: 80\n'),
    ).toMatch(
      /^managedNodeGroups\[0\]\.volumeSize \(line 4\): eksctl refuses it with a launch template \(launchTemplate\)/,
    );
  });

  it('a custom AMI of the rendered Ubuntu family needs overrideBootstrapCommand, as eksctl says', () => {
    expect(refusal(`managedNodeGroups:\n  - name: workspaces\n    ami: ${AMI}\n`)).toBe(
      'managedNodeGroups[0].overrideBootstrapCommand (line 2): is required with a custom AMI (ami) based on Ubuntu2404, as eksctl requires (or use AmazonLinux2023 or Bottlerocket).',
    );
    const { ng } = rendered(
      `managedNodeGroups:\n  - name: workspaces\n    ami: ${AMI}\n    overrideBootstrapCommand: |\n      #!/bin/bash\n      /etc/eks/bootstrap.sh gitpod --kubelet-extra-args '--max-pods=110'\n`,
    );
    expect(ng('workspaces')).not.toHaveProperty('maxPodsPerNode');
  });

  it('an image that is not an AMI ID is refused', () => {
    expect(
      refusal('managedNodeGroups:\n  - name: workspaces\n    ami: ubuntu-latest\n    amiFamily: AmazonLinux2023\n'),
    ).toBe('managedNodeGroups[0].ami (line 3): is not an AMI ID (ami-…).');
  });
});

describe('fields the action renders that eksctl refuses for the user’s choice', () => {
  const IPV6 =
    'kubernetesNetworkConfig:\n  ipFamily: IPv6\naddons:\n  - name: vpc-cni\n  - name: coredns\n  - name: kube-proxy\n';

  it('IPv6: the rendered vpc.nat is dropped and plan says so', () => {
    const { doc, dropped } = rendered(IPV6, { network: 'vpc-cni' });
    expect(doc.vpc).not.toHaveProperty('nat');
    expect(dropped).toEqual(['vpc.nat (ipv6-nat: setting NAT is not supported with IPv6)']);
  });

  it('IPv6 with the user’s own vpc.nat is refused, naming their field', () => {
    expect(refusal(`${IPV6}vpc:\n  nat: { gateway: Single }\n`, { network: 'vpc-cni' })).toBe(
      'vpc.nat (line 8): eksctl refuses it with kubernetesNetworkConfig.ipFamily IPv6 ("setting NAT is not supported with IPv6"): remove it.',
    );
  });

  it('IPv6 without the coredns addon is refused (with `network: vpc-cni`; under Calico the action renders coredns)', () => {
    expect(refusal('kubernetesNetworkConfig:\n  ipFamily: ipv6\n', { network: 'vpc-cni' })).toMatch(
      /^kubernetesNetworkConfig\.ipFamily \(line 2\): eksctl demands the core addons for IPv6/,
    );
  });

  it('Bottlerocket Gitpod pool: accepted, without preBootstrapCommands', () => {
    const { ng } = rendered('managedNodeGroups:\n  - name: workspaces\n    amiFamily: bottlerocket\n');
    expect(ng('workspaces').amiFamily).toBe('bottlerocket');
    expect(ng('workspaces')).not.toHaveProperty('preBootstrapCommands');
    expect(ng('workspaces').maxPodsPerNode).toBe(110);
  });

  it.each([
    ['a Gitpod pool', 'workspaces'],
    ['a nodegroup of the user', 'extra'],
  ])('Bottlerocket with the user’s preBootstrapCommands on %s is refused, as eksctl does', (_what, name) => {
    expect(
      refusal(
        `managedNodeGroups:\n  - name: ${name}\n    amiFamily: Bottlerocket\n    preBootstrapCommands: ["echo hi"]\n`,
      ),
    ).toBe(
      `managedNodeGroups[0].preBootstrapCommands (line 4): eksctl refuses it with amiFamily Bottlerocket ("preBootstrapCommands is not supported for Bottlerocket nodegroups"): remove it.`,
    );
  });

  const OUTPOST =
    'outpost:\n  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:123456789012:outpost/op-0123456789abcdef0\n';

  it('Outposts: the rendered iam.withOIDC and publicAccessCIDRs go; the managed Gitpod pools cannot, so one line says what to change', () => {
    expect(refusal(OUTPOST)).toBe(
      'outpost.controlPlaneOutpostARN (line 2): eksctl does not support managed nodegroups with the control plane on Outposts, and the Gitpod pools (services, workspaces) are managed nodegroups: remove `outpost`.',
    );
  });

  it('Outposts with the user’s own iam.withOIDC names that field first', () => {
    expect(refusal(`${OUTPOST}iam:\n  withOIDC: true\n`)).toBe(
      'iam.withOIDC (line 4): eksctl refuses it with a control plane on Outposts (outpost.controlPlaneOutpostARN) ("iam.withOIDC is not supported on Outposts"): remove it.',
    );
  });

  it('Auto Mode is refused: eksctl takes no nodegroups in an Auto Mode cluster’s config', () => {
    expect(refusal('autoModeConfig:\n  enabled: true\n')).toMatch(
      /^autoModeConfig\.enabled \(line 2\): eksctl refuses nodegroups/,
    );
    expect(rendered('autoModeConfig:\n  enabled: false\n').doc.autoModeConfig).toEqual({ enabled: false });
  });

  it('every rendered-conflict rule has a distinct name', () => {
    const names = RENDERED_CONFLICTS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'ipv6-nat',
        'outposts-oidc',
        'outposts-public-access-cidrs',
        'bottlerocket-bootstrap',
        'custom-ami-max-pods',
      ]),
    );
  });
});

describe('overrideBootstrapCommand, as eksctl allows it', () => {
  it('is accepted on AmazonLinux2023 without a custom AMI, refused on Ubuntu without one', () => {
    const al2023 = rendered(
      'managedNodeGroups:\n  - name: extra\n    amiFamily: AmazonLinux2023\n    overrideBootstrapCommand: "echo"\n',
    );
    expect(al2023.ng('extra').overrideBootstrapCommand).toBe('echo');
    expect(refusal('managedNodeGroups:\n  - name: extra\n    overrideBootstrapCommand: "echo"\n')).toBe(
      'managedNodeGroups[0].overrideBootstrapCommand (line 3): can only be set with a custom AMI (ami) or amiFamily AmazonLinux2023, as eksctl requires.',
    );
  });
});

describe('an error names the path in the user’s file, not in the merged document (#17)', () => {
  it('a Gitpod pool second in the merged list but first in the file', () => {
    // Merged, `workspaces` is managedNodeGroups[1] (after the rendered `services`); in the file it is [0].
    expect(refusal('managedNodeGroups:\n  - name: workspaces\n    maxPodsPerNode: lots\n')).toBe(
      'managedNodeGroups[0].maxPodsPerNode (line 3): eksctl\'s schema refuses it: expected integer, got string "lots".',
    );
  });

  it('a nodegroup of the user, appended after the two rendered ones', () => {
    expect(
      refusal('metadata:\n  tags: { team: a }\nmanagedNodeGroups:\n  - name: extra\n    labels:\n      tier: 3\n'),
    ).toBe("managedNodeGroups[0].labels.tier (line 6): eksctl's schema refuses it: expected string, got integer 3.");
  });

  it('a Gitpod check on a field the user removed names their line', () => {
    expect(refusal('managedNodeGroups:\n  - name: workspaces\n    maxPodsPerNode: null\n')).toBe(
      'managedNodeGroups[0].maxPodsPerNode (line 3): nodegroup `workspaces` has maxPodsPerNode undefined, below the max-pods input (110).',
    );
  });
});

describe('more rendered fields eksctl refuses for a choice, and its own limits', () => {
  it('instanceType on a Gitpod pool replaces the rendered instanceTypes', () => {
    const { ng, dropped } = rendered('managedNodeGroups:\n  - name: services\n    instanceType: m6i.2xlarge\n');
    expect(ng('services').instanceType).toBe('m6i.2xlarge');
    expect(ng('services')).not.toHaveProperty('instanceTypes');
    expect(dropped).toEqual([
      'managedNodeGroups[0].instanceTypes (instance-type-single: only one of instanceType or instanceTypes can be specified)',
    ]);
  });

  it('a gp2 volume drops the rendered gp3 IOPS and throughput; io2 keeps IOPS only', () => {
    const gp2 = rendered('managedNodeGroups:\n  - name: workspaces\n    volumeType: gp2\n').ng('workspaces');
    expect(gp2).not.toHaveProperty('volumeIOPS');
    expect(gp2).not.toHaveProperty('volumeThroughput');
    const io2 = rendered('managedNodeGroups:\n  - name: workspaces\n    volumeType: io2\n').ng('workspaces');
    expect(io2.volumeIOPS).toBe(6000);
    expect(io2).not.toHaveProperty('volumeThroughput');
  });

  it('the user’s IOPS on gp2, or gp3 IOPS out of range, are refused', () => {
    expect(refusal('managedNodeGroups:\n  - name: workspaces\n    volumeType: gp2\n    volumeIOPS: 3000\n')).toMatch(
      /^managedNodeGroups\[0\]\.volumeIOPS \(line 4\): eksctl refuses it with a volumeType other than io1, io2 or gp3/,
    );
    expect(refusal('managedNodeGroups:\n  - name: workspaces\n    volumeIOPS: 20000\n')).toBe(
      'managedNodeGroups[0].volumeIOPS (line 3): must be within range 3000-16000 for gp3, as eksctl requires.',
    );
  });

  it('iam.instanceRoleARN drops the rendered attachPolicyARNs', () => {
    const { ng } = rendered(
      'managedNodeGroups:\n  - name: workspaces\n    iam:\n      instanceRoleARN: arn:aws:iam::123456789012:role/gitpod-nodes\n',
    );
    expect(ng('workspaces').iam).toEqual({ instanceRoleARN: 'arn:aws:iam::123456789012:role/gitpod-nodes' });
  });

  it('a fully-private cluster drops the rendered clusterEndpoints', () => {
    const { doc } = rendered('privateCluster:\n  enabled: true\n');
    expect(doc.vpc).not.toHaveProperty('clusterEndpoints');
  });

  it('iam.withOIDC false is refused: the rendered service accounts need it', () => {
    expect(refusal('iam:\n  withOIDC: false\n')).toMatch(
      /^iam\.withOIDC \(line 2\): eksctl creates iam\.serviceAccounts/,
    );
  });

  it('both endpoints off is refused', () => {
    expect(refusal('vpc:\n  clusterEndpoints: { publicAccess: false, privateAccess: false }\n')).toMatch(
      /^vpc\.clusterEndpoints \(line 2\): eksctl demands public or private access/,
    );
  });

  it('labels under kubernetes.io are refused but the kubelet’s own, as eksctl’s validateLabels does', () => {
    expect(
      refusal('managedNodeGroups:\n  - name: extra\n    labels:\n      node-role.kubernetes.io/worker: "true"\n'),
    ).toBe(
      'managedNodeGroups[0].labels.node-role.kubernetes.io/worker (line 4): eksctl refuses nodegroup labels with the reserved prefixes kubernetes.io/ and k8s.io/.',
    );
    const { ng } = rendered(
      'managedNodeGroups:\n  - name: extra\n    labels:\n      node.kubernetes.io/lifecycle: normal\n',
    );
    expect(ng('extra').labels).toEqual({ 'node.kubernetes.io/lifecycle': 'normal' });
  });
});

describe('AmazonLinux2 and unmanaged custom AMIs, as eksctl 0.230.0 takes them', () => {
  it('AmazonLinux2 is refused from Kubernetes 1.33 (and for latest), accepted on 1.32', () => {
    const al2 = 'managedNodeGroups:\n  - name: extra\n    amiFamily: AmazonLinux2\n';
    expect(refusal(al2)).toBe(
      'managedNodeGroups[0].amiFamily (line 3): eksctl refuses AmazonLinux2 for Kubernetes 1.33 and later (kubernetes-version latest): use AmazonLinux2023, or an older kubernetes-version.',
    );
    expect(refusal(al2, { 'kubernetes-version': '1.33' })).toMatch(/kubernetes-version 1\.33\)/);
    expect(rendered(al2, { 'kubernetes-version': '1.32' }).ng('extra').amiFamily).toBe('AmazonLinux2');
  });

  it('an unmanaged nodegroup’s own AL2 AMI needs overrideBootstrapCommand; an AL2023 one does not', () => {
    const ng = (family: string, extra = '') =>
      `nodeGroups:\n  - name: own\n    instanceType: m5.large\n    ami: ami-0123456789abcdef0\n    amiFamily: ${family}\n${extra}`;
    expect(refusal(ng('AmazonLinux2'), { 'kubernetes-version': '1.32' })).toBe(
      'nodeGroups[0].overrideBootstrapCommand (line 2): is required with a custom AMI (ami) based on AmazonLinux2, as eksctl requires.',
    );
    expect(
      rendered(ng('AmazonLinux2', '    overrideBootstrapCommand: "/etc/eks/bootstrap.sh gitpod"\n'), {
        'kubernetes-version': '1.32',
      }).doc.nodeGroups,
    ).toHaveLength(1);
    expect(rendered(ng('AmazonLinux2023')).doc.nodeGroups).toHaveLength(1);
  });
});

describe('the Kubernetes version the AmazonLinux2 rule reads', () => {
  it('is the resolved metadata.version when apply has one, else the input', async () => {
    const { clusterConfigFor } = await import('../src/providers/aws/plan.js');
    const config = configOf(inputsWith('managedNodeGroups:\n  - name: extra\n    amiFamily: AmazonLinux2\n'));
    expect(() => clusterConfigFor(config, {})).toThrow(/kubernetes-version latest/);
    expect(() => clusterConfigFor(config, { version: '1.34' })).toThrow(/kubernetes-version 1\.34/);
    expect(clusterConfigFor(config, { version: '1.32' }).managedNodeGroups.map((g) => g.name)).toContain('extra');
  });
});
