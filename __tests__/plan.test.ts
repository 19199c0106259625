import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { plan, planFlow } from '../src/commands/plan.js';
import { renderClusterConfig } from '../src/providers/aws/plan.js';
import { configOf, fakeIO } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(new URL('./reference/eksctl-clusterconfig.v0.230.0.schema.json', import.meta.url), 'utf8'),
);

function flag(argv: readonly string[] | undefined, name: string): string | undefined {
  const hit = argv?.find((a) => a.startsWith(`${name}=`));
  return hit?.slice(name.length + 1);
}

describe('plan for GCP with only provider and project', () => {
  const config = configOf({ provider: 'gcp', project: 'my-project-123', command: 'plan' });
  const { steps } = planFlow(config);

  it('lists the GKE flow in the reference order', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'service-account',
      'iam-roles',
      'cluster',
      'default-pool',
      'services-pool',
      'workspaces-pool',
      'kubeconfig',
      'cluster-admin-binding',
      'record-desired-state',
    ]);
  });

  it('puts the label table on the right pools, not the document’s own command labels', () => {
    const services = steps.find((s) => s.id === 'services-pool')!;
    const workspaces = steps.find((s) => s.id === 'workspaces-pool')!;
    expect(flag(services.argv, '--node-labels')).toBe(
      'gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true',
    );
    expect(flag(workspaces.argv, '--node-labels')).toBe(
      'gitpod.io/workload_workspace_services=true,gitpod.io/workload_workspace_regular=true,gitpod.io/workload_workspace_headless=true',
    );
  });

  it('creates the services pool with the six-label table (the 2022 table plus workload_services), argv as a literal', () => {
    expect(steps.find((s) => s.id === 'services-pool')!.argv).toEqual([
      'gcloud',
      'container',
      'node-pools',
      'create',
      'workload-services',
      '--cluster=gitpod',
      '--project=my-project-123',
      '--region=us-central1',
      '--machine-type=n2d-standard-8',
      '--disk-type=pd-ssd',
      '--disk-size=100',
      '--image-type=UBUNTU_CONTAINERD',
      '--num-nodes=1',
      '--enable-autoscaling',
      '--min-nodes=1',
      '--max-nodes=50',
      '--enable-autorepair',
      '--metadata=disable-legacy-endpoints=true',
      '--scopes=gke-default,https://www.googleapis.com/auth/ndev.clouddns.readwrite',
      '--service-account=gitpod-gke@my-project-123.iam.gserviceaccount.com',
      '--node-labels=gitpod.io/workload_meta=true,gitpod.io/workload_ide=true,gitpod.io/workload_services=true',
      '--max-pods-per-node=110',
    ]);
  });

  /** The body of the cluster step's clusters.create. */
  const clusterBody = () =>
    (steps.find((s) => s.id === 'cluster')!.request!.body as { cluster: Record<string, unknown> }).cluster;

  it('asks for 110 pods per node everywhere', () => {
    for (const id of ['services-pool', 'workspaces-pool']) {
      expect(flag(steps.find((s) => s.id === id)!.argv, '--max-pods-per-node')).toBe('110');
    }
    const body = clusterBody();
    expect(body.defaultMaxPodsConstraint).toEqual({ maxPodsPerNode: '110' });
    for (const pool of body.nodePools as { maxPodsConstraint: unknown }[]) {
      expect(pool.maxPodsConstraint).toEqual({ maxPodsPerNode: '110' });
    }
  });

  it('shows `latest` for the version and the reference region', () => {
    const cluster = steps.find((s) => s.id === 'cluster')!;
    expect(clusterBody().initialClusterVersion).toBe('latest');
    expect(cluster.request).toMatchObject({
      method: 'POST',
      host: 'container.googleapis.com',
      path: '/v1/projects/my-project-123/locations/us-central1/clusters',
    });
    expect(cluster.argv).toBeUndefined();
  });

  it('writes the plan output, the log and a job summary', async () => {
    const io = fakeIO();
    await plan(config, io);
    const out = JSON.parse(io.outputs.plan!);
    expect(out).toHaveLength(9);
    expect(out.every((s: { status: string }) => s.status === 'planned')).toBe(true);
    expect(out[2].request.method).toBe('POST');
    expect(out[2].request.body.cluster.nodePools.map((p: { name: string }) => p.name)).toEqual([
      'workload-services',
      'workload-workspaces',
    ]);
    expect(io.outputs['eksctl-config']).toBeUndefined();
    expect(io.summary.join('')).toContain('workload-services');
    expect(io.summary.join('')).toContain('Every API request, exactly as it will be sent');
    const log = io.lines.join('\n');
    expect(log).toContain('gcloud container node-pools create workload-workspaces');
    expect(log).toContain(
      'POST https://container.googleapis.com/v1/projects/my-project-123/locations/us-central1/clusters',
    );
    expect(log).toContain('"initialClusterVersion": "latest"');
  });
});

describe('plan for AWS with only provider', () => {
  const config = configOf({ provider: 'aws', command: 'plan' });

  it('renders a ClusterConfig that eksctl’s own schema accepts', () => {
    const { eksctlConfig } = planFlow(config);
    const doc = parse(eksctlConfig!);
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('carries every field of the reference file, with the label table and 110 pods', () => {
    const doc = renderClusterConfig(config, { version: '1.33' });
    expect(doc.metadata).toEqual({
      name: 'gitpod',
      region: 'eu-west-1',
      version: '1.33',
      tags: { department: 'cs', project: 'gitpod' },
    });
    const [services, workspaces] = doc.managedNodeGroups;
    expect(services).toMatchObject({
      name: 'services',
      instanceTypes: ['m6i.xlarge'],
      minSize: 1,
      maxSize: 4,
      maxPodsPerNode: 110,
      volumeSize: 300,
    });
    expect(workspaces).toMatchObject({
      name: 'workspaces',
      instanceTypes: ['m6i.2xlarge'],
      minSize: 1,
      maxSize: 10,
      maxPodsPerNode: 110,
    });
    expect(services!.labels).toEqual({
      'gitpod.io/workload_meta': 'true',
      'gitpod.io/workload_ide': 'true',
      'gitpod.io/workload_services': 'true',
    });
    expect(workspaces!.labels).toEqual({
      'gitpod.io/workload_workspace_services': 'true',
      'gitpod.io/workload_workspace_regular': 'true',
      'gitpod.io/workload_workspace_headless': 'true',
    });
    expect(Object.keys(services!).sort()).toEqual(
      [
        'name',
        'amiFamily',
        'spot',
        'instanceTypes',
        'desiredCapacity',
        'minSize',
        'maxSize',
        'maxPodsPerNode',
        'disableIMDSv1',
        'volumeSize',
        'volumeType',
        'volumeIOPS',
        'volumeThroughput',
        'ebsOptimized',
        'privateNetworking',
        'propagateASGTags',
        'iam',
        'tags',
        'labels',
      ].sort(),
    );
    expect(Object.keys(doc).sort()).toEqual([
      'accessConfig',
      'addons',
      'addonsConfig',
      'apiVersion',
      'cloudWatch',
      'iam',
      'kind',
      'managedNodeGroups',
      'metadata',
      'upgradePolicy',
      'vpc',
    ]);
  });

  it('names the autoscaler tag after the cluster, not a hard-coded gitpod', () => {
    const doc = renderClusterConfig(configOf({ provider: 'aws', command: 'plan', 'cluster-name': 'team-a' }), {});
    expect(doc.managedNodeGroups[0]!.tags).toEqual({
      'k8s.io/cluster-autoscaler/enabled': 'true',
      'k8s.io/cluster-autoscaler/team-a': 'owned',
    });
  });

  it('leaves the version unresolved in plan and says so', () => {
    const { eksctlConfig, steps } = planFlow(config);
    expect(parse(eksctlConfig!).metadata.version).toBeUndefined();
    expect(eksctlConfig).toContain('resolved through the EKS API at apply time (kubernetes-version: latest)');
    expect(steps[0]!.description).toContain('Kubernetes latest');
  });

  it('lists the EKS flow with Calico between control plane and nodegroups', () => {
    const { steps } = planFlow(config);
    expect(steps.map((s) => s.id)).toEqual([
      'cluster',
      'kubeconfig',
      'kube-system',
      'remove-aws-node',
      'tigera-operator',
      'calico-installation',
      'calico-ready',
      'nodegroups',
      'nodegroup-labels',
      'nodegroup-scaling',
      'service-accounts',
      'record-desired-state',
    ]);
    expect(steps[0]!.argv).toEqual([
      'eksctl',
      'create',
      'cluster',
      '--config-file=/runner/temp/gitpod.eksctl-cluster.yaml',
      '--without-nodegroup',
      '--write-kubeconfig=false',
    ]);
    expect(steps.find((s) => s.id === 'nodegroups')!.argv).toEqual([
      'eksctl',
      'create',
      'nodegroup',
      '--config-file=/runner/temp/gitpod.eksctl.yaml',
    ]);
    expect(steps.find((s) => s.id === 'service-accounts')!.argv).toEqual([
      'eksctl',
      'create',
      'iamserviceaccount',
      '--config-file=/runner/temp/gitpod.eksctl.yaml',
      '--approve',
    ]);
  });

  it('with vpc-cni skips Calico and turns on prefix delegation for max pods', () => {
    const vpc = configOf({ provider: 'aws', command: 'plan', network: 'vpc-cni' });
    const { steps, eksctlConfig } = planFlow(vpc);
    expect(steps.map((s) => s.id)).toEqual([
      'cluster',
      'kubeconfig',
      'kube-system',
      'nodegroups',
      'nodegroup-labels',
      'nodegroup-scaling',
      'service-accounts',
      'record-desired-state',
    ]);
    // With the VPC CNI eksctl takes the whole config at creation: one file.
    expect(steps[0]!.argv).toContain('--config-file=/runner/temp/gitpod.eksctl.yaml');
    expect(parse(eksctlConfig!).addonsConfig).toBeUndefined();
    const addon = parse(eksctlConfig!).addons[0];
    expect(addon.name).toBe('vpc-cni');
    expect(JSON.parse(addon.configurationValues).env.ENABLE_PREFIX_DELEGATION).toBe('true');
  });

  it('sets the eksctl-config and plan outputs', async () => {
    const io = fakeIO();
    await plan(config, io);
    expect(parse(io.outputs['eksctl-config']!).kind).toBe('ClusterConfig');
    expect(JSON.parse(io.outputs.plan!)).toHaveLength(12);
    expect(io.summary.join('')).toContain('Rendered eksctl ClusterConfig');
  });
});
