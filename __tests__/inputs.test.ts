import { describe, expect, it } from '@jest/globals';
import { InputError, parseConfig } from '../src/inputs.js';
import { type Inputs, configOf, reader } from './fixtures.js';

const gcp: Inputs = { provider: 'gcp', project: 'my-project-123', region: 'us-central1' };
const aws: Inputs = { provider: 'aws', region: 'eu-west-1' };

function errorOf(inputs: Inputs, env: NodeJS.ProcessEnv = {}): InputError {
  try {
    parseConfig(reader(inputs), env);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('inputs: defaults', () => {
  it('fills the GCP seed', () => {
    const c = configOf(gcp);
    expect(c.command).toBe('apply');
    expect(c.clusterName).toBe('gitpod');
    expect(c.maxPods).toBe(110);
    expect(c.diskSizeGb).toBe(100);
    expect(c.pools.services).toMatchObject({
      name: 'workload-services',
      machineType: 'n2d-standard-8',
      minNodes: 1,
      maxNodes: 50,
    });
    expect(c.pools.workspaces).toMatchObject({
      name: 'workload-workspaces',
      machineType: 'n2d-standard-16',
      minNodes: 1,
      maxNodes: 50,
    });
    expect(c.kubeconfigPath).toBe('/runner/temp/gitpod.kubeconfig');
    expect(c.failOnDrift).toBe(true);
  });

  it('fills the AWS seed', () => {
    const c = configOf(aws);
    expect(c.diskSizeGb).toBe(300);
    expect(c.network).toBe('calico');
    expect(c.pools.services).toMatchObject({ name: 'services', machineType: 'm6i.xlarge', minNodes: 1, maxNodes: 4 });
    expect(c.pools.workspaces).toMatchObject({
      name: 'workspaces',
      machineType: 'm6i.2xlarge',
      minNodes: 1,
      maxNodes: 10,
    });
  });

  it('takes the project from the environment google-github-actions/auth sets', () => {
    expect(configOf({ provider: 'gcp', command: 'plan' }, { GOOGLE_CLOUD_PROJECT: 'from-env-proj' }).project).toBe(
      'from-env-proj',
    );
    expect(
      configOf(
        { provider: 'gcp', command: 'plan' },
        { CLOUDSDK_CORE_PROJECT: 'core-proj-1', GCLOUD_PROJECT: 'other-proj' },
      ).project,
    ).toBe('core-proj-1');
  });

  it('uses the seed region for plan only', () => {
    expect(configOf({ provider: 'aws', command: 'plan' })).toMatchObject({
      region: 'eu-west-1',
      regionDefaulted: true,
    });
    expect(errorOf({ provider: 'aws', command: 'verify' }).message).toBe(
      'Input \'region\' received "": expected an AWS region such as `eu-west-1` (required for `verify`).',
    );
  });

  it('merges extra labels after the reference labels', () => {
    const c = configOf({ ...gcp, 'services-extra-labels': 'gitpod.io/workload_services=true, team=core' });
    expect(c.pools.services.labels).toEqual({
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_services': 'true',
      team: 'core',
    });
    expect(c.pools.workspaces.extraLabels).toEqual({});
  });
});

describe('inputs: one clear error naming input, value and accepted form', () => {
  const cases: [string, Inputs, string, RegExp][] = [
    ['unknown provider', { provider: 'azure' }, 'provider', /one of `gcp`, `aws`/],
    [
      'unknown command',
      { ...gcp, command: 'deploy' },
      'command',
      /one of `plan`, `preflight`, `apply`, `verify`, `destroy`/,
    ],
    ['GKE name with capitals', { ...gcp, 'cluster-name': 'Gitpod' }, 'cluster-name', /GKE cluster name/],
    ['GKE name over 40', { ...gcp, 'cluster-name': 'a'.repeat(41) }, 'cluster-name', /1-40/],
    ['GKE name ending in hyphen', { ...gcp, 'cluster-name': 'gitpod-' }, 'cluster-name', /not ending with a hyphen/],
    ['EKS name with underscore', { ...aws, 'cluster-name': 'git_pod' }, 'cluster-name', /EKS cluster name/],
    ['EKS name starting with digit', { ...aws, 'cluster-name': '1gitpod' }, 'cluster-name', /starting with a letter/],
    ['shell metacharacters in name', { ...aws, 'cluster-name': 'x; rm -rf /' }, 'cluster-name', /EKS cluster name/],
    ['zone instead of region', { ...gcp, region: 'us-central1-a' }, 'region', /a region, not a zone/],
    ['AWS region shape', { ...aws, region: 'europe-west1' }, 'region', /AWS region/],
    ['project missing', { provider: 'gcp', region: 'us-central1' }, 'project', /GCP project ID/],
    ['project shape', { ...gcp, project: 'My_Project' }, 'project', /6-30 lowercase/],
    ['EKS exact version', { ...aws, 'kubernetes-version': '1.33.1' }, 'kubernetes-version', /EKS versions are minors/],
    ['GKE version garbage', { ...gcp, 'kubernetes-version': 'newest' }, 'kubernetes-version', /`latest`, a minor/],
    ['numeric version as float', { ...aws, 'kubernetes-version': '1.3e1' }, 'kubernetes-version', /minor/],
    [
      'EKS minor EKS never offered',
      { ...aws, 'kubernetes-version': '1.9' },
      'kubernetes-version',
      /expected a Kubernetes version EKS has offered: 1\.10 to 1\.37 \(and the next minors as they come\), not 1\.9\.$/,
    ],
    [
      'GKE minor from the far future',
      { ...gcp, 'kubernetes-version': '1.99.1-gke.1' },
      'kubernetes-version',
      /expected a Kubernetes version GKE has offered: 1\.0 to 1\.37 \(and the next minors as they come\), not 1\.99\.$/,
    ],
    [
      'GKE name too long, with its length',
      { ...gcp, 'cluster-name': 'a'.repeat(41) },
      'cluster-name',
      /not ending with a hyphen \(this one has 41 characters\)\.$/,
    ],
    [
      'label value breaking the rule, with the rule',
      { ...gcp, 'services-extra-labels': 'team=-platform' },
      'services-extra-labels',
      /label value '-platform' is not valid: at most 63 letters, digits, '-', '_' or '\.', starting and ending with a letter or digit \(or empty\)\.$/,
    ],
    [
      'GCP machine type',
      { ...gcp, 'services-machine-type': 'm6i.xlarge' },
      'services-machine-type',
      /GCE machine type/,
    ],
    [
      'AWS instance type',
      { ...aws, 'workspaces-machine-type': 'n2d-standard-16' },
      'workspaces-machine-type',
      /EC2 instance type/,
    ],
    ['non-number', { ...gcp, 'services-min-nodes': 'one' }, 'services-min-nodes', /whole number from 0 to 1000/],
    ['negative', { ...gcp, 'workspaces-max-nodes': '-1' }, 'workspaces-max-nodes', /whole number from 1 to 1000/],
    ['decimal', { ...gcp, 'max-pods': '110.5' }, 'max-pods', /whole number from 8 to 256/],
    ['huge', { ...gcp, 'max-pods': '99999999999' }, 'max-pods', /whole number from 8 to 256/],
    ['too many pods', { ...gcp, 'max-pods': '300' }, 'max-pods', /8 to 256/],
    [
      'min above max',
      { ...aws, 'services-min-nodes': '5', 'services-max-nodes': '4' },
      'services-min-nodes',
      /services-min-nodes \(5\) at most services-max-nodes \(4\)/,
    ],
    [
      'min above seed max',
      { ...aws, 'workspaces-min-nodes': '11' },
      'workspaces-min-nodes',
      /expected workspaces-min-nodes \(11\) at most workspaces-max-nodes \(default 10\)\.$/,
    ],
    ['disk too small', { ...gcp, 'disk-size-gb': '5' }, 'disk-size-gb', /10 to 65536/],
    ['label without =', { ...gcp, 'services-extra-labels': 'team' }, 'services-extra-labels', /key=value/],
    [
      'label contradicts reference',
      { ...gcp, 'services-extra-labels': 'gitpod.io/workload_meta=false' },
      'services-extra-labels',
      /must stay 'true'/,
    ],
    [
      'reserved label prefix',
      { ...gcp, 'workspaces-extra-labels': 'node.kubernetes.io/x=y' },
      'workspaces-extra-labels',
      /reserved/,
    ],
    ['label value with space', { ...gcp, 'workspaces-extra-labels': 'a=b c' }, 'workspaces-extra-labels', /not valid/],
    ['duplicate label', { ...gcp, 'workspaces-extra-labels': 'a=b,a=c' }, 'workspaces-extra-labels', /appears twice/],
    ['network on GCP', { ...gcp, network: 'vpc-cni' }, 'network', /AWS only/],
    ['eksctl-config on GCP', { ...gcp, 'eksctl-config': 'x.yaml' }, 'eksctl-config', /AWS only/],
    ['unknown network', { ...aws, network: 'cilium' }, 'network', /`calico`, `vpc-cni`/],
    ['calico version shape', { ...aws, 'calico-version': '3.30' }, 'calico-version', /v3\.32\.1/],
    ['kubectl version shape', { ...aws, 'kubectl-version': '2.0' }, 'kubectl-version', /minor such as `1.33`/],
    ['eksctl version shape', { ...aws, 'eksctl-version': 'newest' }, 'eksctl-version', /0\.230\.0/],
    ['gcloud version shape', { ...gcp, 'gcloud-version': '528' }, 'gcloud-version', /528\.0\.0/],
    ['mirror not a URL', { ...gcp, 'tool-mirror': 'mirror.local' }, 'tool-mirror', /http\(s\) base URL/],
    [
      'mirror with a scheme we do not speak',
      { ...gcp, 'tool-mirror': 'ftp://mirror.local' },
      'tool-mirror',
      /http\(s\)/,
    ],
    ['boolean loosely spelled', { ...gcp, 'fail-on-drift': 'yes' }, 'fail-on-drift', /`true` or `false`/],
    ['use-runner-tools loosely spelled', { ...aws, 'use-runner-tools': 'on' }, 'use-runner-tools', /`true` or `false`/],
    ['destroy without confirmation', { ...gcp, command: 'destroy' }, 'confirm-destroy', /the cluster name `gitpod`/],
    [
      'destroy with the wrong name',
      { ...gcp, command: 'destroy', 'confirm-destroy': 'gitpod2' },
      'confirm-destroy',
      /confirm `destroy`/,
    ],
    ['newline in a path', { ...gcp, 'kubeconfig-path': '/tmp/a\nb' }, 'kubeconfig-path', /without NUL or line breaks/],
  ];
  it.each(cases)('%s', (_title, inputs, input, accepted) => {
    const err = errorOf(inputs);
    expect(err.input).toBe(input);
    expect(err.message).toMatch(new RegExp(`^Input '${input}' received `));
    expect(err.message).toMatch(accepted);
    expect(err.message).not.toContain('\n');
  });

  it('quotes the value, escaping control characters and cutting long ones', () => {
    expect(errorOf({ ...aws, 'cluster-name': 'a\nb' }).message).toContain('received "a\\nb"');
    expect(errorOf({ ...aws, 'cluster-name': '!'.repeat(500) }).message).toContain(`"${'!'.repeat(80)}…"`);
  });

  it('accepts the strict boolean spellings only', () => {
    expect(configOf({ ...gcp, 'fail-on-drift': 'False' }).failOnDrift).toBe(false);
    expect(configOf({ ...gcp, 'fail-on-drift': 'TRUE' }).failOnDrift).toBe(true);
    expect(configOf(gcp).useRunnerTools).toBe(false);
    expect(configOf({ ...gcp, 'use-runner-tools': 'True' }).useRunnerTools).toBe(true);
    expect(configOf({ ...aws, 'use-runner-tools': 'false' }).useRunnerTools).toBe(false);
  });

  it('accepts each valid version form', () => {
    for (const v of ['latest', '1.33', '1.33.4', '1.33.4-gke.1172000'])
      expect(configOf({ ...gcp, 'kubernetes-version': v }).kubernetesVersion).toBe(v);
    expect(configOf({ ...aws, 'kubectl-version': 'v1.33.4', 'eksctl-version': '0.230.0' }).tools).toEqual({
      gcloud: '',
      eksctl: '0.230.0',
      kubectl: 'v1.33.4',
    });
  });

  it('destroy runs when the confirmation matches', () => {
    expect(
      configOf({ ...aws, command: 'destroy', 'cluster-name': 'team-a', 'confirm-destroy': 'team-a' }).command,
    ).toBe('destroy');
  });
});

describe('inputs: a value quoted in an error reads as it is', () => {
  it('escapes bidirectional overrides and line separators, so the line cannot be reordered or cut', () => {
    const err = errorOf({ ...gcp, 'cluster-name': 'gitpod\u202eved\u2066x\u2028y' });
    expect(err.message).toContain('"gitpod\\u202eved\\u2066x\\u2028y"');
    expect(err.message).not.toMatch(/[\u202e\u2066\u2028]/);
    expect(err.message.split('\n')).toHaveLength(1);
  });
});
