/**
 * Footprint and cost of the defaults, pinned with figures computed BY HAND from the list prices (the
 * arithmetic is in the comments), plus `node-locations` and the region checks.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { plan } from '../src/commands/plan.js';
import { footprintOf } from '../src/footprint.js';
import { awsMachineShape } from '../src/providers/aws/machines.js';
import { estimateOf } from '../src/providers/estimate.js';
import { GCP_FOOTPRINT } from '../src/providers/gcp/footprint.js';
import { gcpCpuQuotaMetric, gcpMachineShape } from '../src/providers/gcp/machines.js';
import { configOf, fakeIO, type Inputs } from './fixtures.js';

async function planOutputs(inputs: Inputs) {
  const io = fakeIO();
  await plan(configOf({ command: 'plan', ...inputs }), io);
  return {
    io,
    footprint: JSON.parse(io.outputs.footprint!),
    cost: JSON.parse(io.outputs['cost-estimate']!),
  };
}

function errorOf(inputs: Inputs): string {
  try {
    configOf({ command: 'plan', ...inputs });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no error');
}

const gcp = { provider: 'gcp', project: 'my-project-123' } as const;

describe('plan with GCP defaults, no credentials', () => {
  it('sets the footprint: 3 zones (GKE default) × 1..50 nodes per zone per pool', async () => {
    const { footprint } = await planOutputs(gcp);
    // min: 3 zones × (1 n2d-standard-8 + 1 n2d-standard-16) = 6 nodes
    //      vCPU 3×8 + 3×16 = 72; memory 3×32 + 3×64 = 288 GB; pd-ssd 6 × 100 GB = 600; 1 external IP per node
    // max: 3 zones × (50 + 50) = 300 nodes; vCPU 150×8 + 150×16 = 3600; memory 150×32 + 150×64 = 14400 GB;
    //      pd-ssd 300 × 100 = 30000 GB; 300 external IPs; no NAT gateway
    expect(footprint.zones).toBe(3);
    expect(footprint.min).toEqual({
      nodes: 6,
      vcpus: 72,
      memoryGb: 288,
      diskGb: { 'pd-ssd': 600 },
      externalIps: 6,
      natGateways: 0,
    });
    expect(footprint.max).toEqual({
      nodes: 300,
      vcpus: 3600,
      memoryGb: 14400,
      diskGb: { 'pd-ssd': 30000 },
      externalIps: 300,
      natGateways: 0,
    });
    expect(footprint.initial.nodes).toBe(6);
    expect(footprint.unknownMachineTypes).toEqual([]);
  });

  it('sets the cost: us-central1 list prices of 2026-12-07, 730 h a month', async () => {
    const { cost } = await planOutputs(gcp);
    // n2d in us-central1: $0.027502 per vCPU-hour, $0.003686 per GB-hour
    //   n2d-standard-8  = 8×0.027502 + 32×0.003686 = 0.220016 + 0.117952 = $0.337968/h
    //   n2d-standard-16 = 16×0.027502 + 64×0.003686 = 0.440032 + 0.235904 = $0.675936/h
    // pd-ssd $0.17 per GB-month; GKE cluster management fee $0.10/h (regional: no free tier)
    // min: 3×730×0.337968 = 740.14992; 3×730×0.675936 = 1480.29984; 600×0.17 = 102; 730×0.10 = 73
    //      = 2395.44976 → $2395.45
    // max: 150×730×0.337968 = 37007.496; 150×730×0.675936 = 74014.992; 30000×0.17 = 5100; 73
    //      = 116195.488 → $116195.49
    expect(cost).toMatchObject({
      currency: 'USD',
      priceDate: '2026-12-07',
      region: 'us-central1',
      monthly: { min: 2395.45, max: 116195.49 },
    });
    expect(cost.items).toEqual([
      { what: 'n2d-standard-8 node', unitPrice: 0.337968, unit: 'node-hour', quantityMin: 2190, quantityMax: 109500 },
      { what: 'n2d-standard-16 node', unitPrice: 0.675936, unit: 'node-hour', quantityMin: 2190, quantityMax: 109500 },
      { what: 'pd-ssd disk', unitPrice: 0.17, unit: 'GB-month', quantityMin: 600, quantityMax: 30000 },
      { what: 'GKE cluster management fee', unitPrice: 0.1, unit: 'cluster-hour', quantityMin: 730, quantityMax: 730 },
    ]);
    // External IPs have no row in the table: listed, not guessed.
    expect(cost.unpriced[0]).toMatch(/^external IPv4 addresses \(6–300\)/);
  });

  it('puts the footprint and cost first in the job summary and in the log', async () => {
    const { io } = await planOutputs(gcp);
    const summary = io.summary.join('');
    expect(summary.indexOf('### Footprint and cost')).toBeGreaterThan(0);
    expect(summary.indexOf('| nodes | 6 | 300 |')).toBeLessThan(summary.indexOf('| pool | name |'));
    expect(summary).toContain('| vCPUs | 72 | 3,600 |');
    expect(summary).toContain('| $2,395.45 | $116,195.49 |');
    expect(io.lines.join('\n')).toContain('$2,395.45 to $116,195.49 a month');
  });
});

describe('plan with AWS defaults, no credentials', () => {
  it('sets the footprint: 1..4 + 1..10 nodes, private nodes behind one NAT gateway', async () => {
    const { footprint } = await planOutputs({ provider: 'aws' });
    // min: 1 m6i.xlarge (4 vCPU, 16 GiB) + 1 m6i.2xlarge (8 vCPU, 32 GiB) = 2 nodes, 12 vCPU, 48 GB, gp3 2×300
    // max: 4 + 10 = 14 nodes, 4×4 + 10×8 = 96 vCPU, 4×16 + 10×32 = 384 GB, gp3 14×300 = 4200 GB
    // privateNetworking: no node IPs; nat.gateway Single: 1 NAT gateway with 1 Elastic IP
    expect(footprint.zones).toBe(3);
    expect(footprint.min).toEqual({
      nodes: 2,
      vcpus: 12,
      memoryGb: 48,
      diskGb: { gp3: 600 },
      externalIps: 1,
      natGateways: 1,
    });
    expect(footprint.max).toEqual({
      nodes: 14,
      vcpus: 96,
      memoryGb: 384,
      diskGb: { gp3: 4200 },
      externalIps: 1,
      natGateways: 1,
    });
    // desiredCapacity 2 per nodegroup
    expect(footprint.initial.nodes).toBe(4);
  });

  it('sets the cost: eu-west-1 list prices, gp3 IOPS and throughput above the free baseline', async () => {
    const { cost } = await planOutputs({ provider: 'aws' });
    // m6i.xlarge $0.214/h, m6i.2xlarge $0.428/h; gp3 $0.088/GB-month, $0.0055 per IOPS-month above 3000,
    // $0.044 per MB/s-month above 125; EKS $0.10/h; NAT gateway $0.048/h; public IPv4 $0.005/h
    // per volume: 6000 − 3000 = 3000 IOPS and 500 − 125 = 375 MB/s billed
    // min: 730×0.214 = 156.22; 730×0.428 = 312.44; 600×0.088 = 52.8; 2×3000×0.0055 = 33; 2×375×0.044 = 33;
    //      EKS 73; NAT 730×0.048 = 35.04; IPv4 730×0.005 = 3.65 → 699.15
    // max: 4×730×0.214 = 624.88; 10×730×0.428 = 3124.4; 4200×0.088 = 369.6; 14×3000×0.0055 = 231;
    //      14×375×0.044 = 231; 73; 35.04; 3.65 → 4692.57
    expect(cost).toMatchObject({
      region: 'eu-west-1',
      priceDate: '2026-12-07',
      monthly: { min: 699.15, max: 4692.57 },
    });
    expect(cost.items.map((i: { what: string }) => i.what)).toEqual([
      'm6i.xlarge node',
      'm6i.2xlarge node',
      'gp3 disk',
      'gp3 IOPS above 3000 per volume',
      'gp3 throughput above 125 MB/s per volume',
      'EKS cluster',
      'NAT gateway',
      'external IPv4 address',
    ]);
    expect(cost.items[3]).toEqual({
      what: 'gp3 IOPS above 3000 per volume',
      unitPrice: 0.0055,
      unit: 'IOPS-month',
      quantityMin: 6000,
      quantityMax: 42000,
    });
    expect(cost.unpriced).toEqual(['NAT gateway data processing, network egress and load balancers (billed by use)']);
  });

  it('reads the zones and NAT mode from the ClusterConfig eksctl gets, the overlay merged', async () => {
    const given = await planOutputs({ provider: 'aws', 'node-locations': 'eu-west-1a,eu-west-1b,eu-west-1c' });
    expect(parse(given.io.outputs['eksctl-config']!).availabilityZones).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    expect(given.footprint.zoneNames).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(given.footprint.max.natGateways).toBe(1);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'footprint-'));
    const overlay = path.join(dir, 'overlay.yaml');
    writeFileSync(overlay, 'vpc:\n  nat:\n    gateway: HighlyAvailable\n');
    try {
      const ha = await planOutputs({
        provider: 'aws',
        'node-locations': 'eu-west-1a,eu-west-1b,eu-west-1c',
        'eksctl-config': overlay,
      });
      // one NAT gateway, with its Elastic IP, per zone: 3 × $0.048 × 730 = 105.12 instead of 35.04
      expect(ha.footprint.min).toMatchObject({ natGateways: 3, externalIps: 3 });
      expect(ha.cost.items.find((i: { what: string }) => i.what === 'NAT gateway').quantityMin).toBe(2190);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('node-locations', () => {
  it('one zone cuts the GKE footprint to a third', async () => {
    const all = (await planOutputs(gcp)).footprint;
    const one = await planOutputs({ ...gcp, 'node-locations': 'us-central1-b' });
    expect(one.footprint.zones).toBe(1);
    expect(one.footprint.min).toEqual({
      nodes: 2,
      vcpus: 24,
      memoryGb: 96,
      diskGb: { 'pd-ssd': 200 },
      externalIps: 2,
      natGateways: 0,
    });
    expect(one.footprint.min.vcpus * 3).toBe(all.min.vcpus);
    expect(one.footprint.max.nodes * 3).toBe(all.max.nodes);
    // min: 730×0.337968 + 730×0.675936 + 200×0.17 + 73 = 246.71664 + 493.43328 + 34 + 73 = 847.14992 → $847.15
    expect(one.cost.monthly.min).toBe(847.15);
  });

  it('goes to both pools and the cluster: --node-locations, and `locations` in clusters.create', async () => {
    const { io } = await planOutputs({ ...gcp, 'node-locations': 'us-central1-a, us-central1-f' });
    type Body = { cluster: { locations?: string[]; nodePools: { locations?: string[] }[] } };
    const steps = JSON.parse(io.outputs.plan!) as { id: string; argv?: string[]; request?: { body: Body } }[];
    for (const id of ['services-pool', 'workspaces-pool']) {
      expect(steps.find((s) => s.id === id)!.argv).toContain('--node-locations=us-central1-a,us-central1-f');
    }
    const body = steps.find((s) => s.id === 'cluster')!.request!.body;
    expect(body.cluster.locations).toEqual(['us-central1-a', 'us-central1-f']);
    expect(body.cluster.nodePools.map((p) => p.locations)).toEqual([
      ['us-central1-a', 'us-central1-f'],
      ['us-central1-a', 'us-central1-f'],
    ]);
  });

  it('is left out when not given: GKE picks its three zones', async () => {
    const { io } = await planOutputs(gcp);
    expect(io.outputs.plan).not.toContain('--node-locations');
    expect(io.outputs.plan).not.toContain('"locations"');
  });

  const refused: [string, Inputs, RegExp][] = [
    [
      'a zone of another region',
      { ...gcp, 'node-locations': 'us-east1-b' },
      /"us-east1-b" is not a zone of region us-central1/,
    ],
    [
      'a zone the region does not have',
      { ...gcp, 'node-locations': 'us-central1-d' },
      /us-central1-a, us-central1-b, us-central1-c, us-central1-f/,
    ],
    ['a zone twice', { ...gcp, 'node-locations': 'us-central1-a,us-central1-a' }, /appears twice/],
    ['one AWS zone', { provider: 'aws', 'node-locations': 'eu-west-1a' }, /eksctl needs at least 2 availability zones/],
    [
      'a GCP zone on AWS',
      { provider: 'aws', 'node-locations': 'eu-west-1-a,eu-west-1b' },
      /"eu-west-1-a" is not an availability zone of region eu-west-1/,
    ],
  ];
  it.each(refused)('refuses %s offline, naming the input', (_, inputs, message) => {
    const text = errorOf(inputs);
    expect(text).toMatch(/^Input 'node-locations' received "/);
    expect(text).toMatch(message);
  });
});

describe('regions', () => {
  it('refuses an AWS region with provider gcp, and the reverse, in one line', () => {
    expect(errorOf({ ...gcp, region: 'eu-west-1' })).toBe(
      'Input \'region\' received "eu-west-1": expected a GCP region such as `us-central1`: `eu-west-1` is an AWS region; provider is gcp.',
    );
    expect(errorOf({ provider: 'aws', region: 'us-central1' })).toBe(
      'Input \'region\' received "us-central1": expected an AWS region such as `eu-west-1`: `us-central1` is a GCP region; provider is aws.',
    );
  });

  it('uses a well-formed region newer than its table with a warning, zones checked by form', async () => {
    const { io, footprint, cost } = await planOutputs({
      ...gcp,
      region: 'europe-west99',
      'node-locations': 'europe-west99-a',
    });
    expect(io.lines.join('\n')).toMatch(/Region europe-west99 is not in this action's table of 2026-12-07/);
    expect(footprint.zones).toBe(1);
    expect(cost.monthly).toEqual({ min: 0, max: 0 });
    expect(cost.unpriced[0]).toBe('everything: region europe-west99 is not in the price table of 2026-12-07');
    expect(errorOf({ ...gcp, region: 'europe-west99', 'node-locations': 'us-central1-a' })).toMatch(
      /"us-central1-a" is not a zone of region europe-west99/,
    );
  });

  it('shows an unknown machine type as unknown, and still counts its nodes and disks', async () => {
    const { footprint, cost } = await planOutputs({ ...gcp, 'workspaces-machine-type': 'n4-standard-16' });
    expect(footprint.unknownMachineTypes).toEqual(['n4-standard-16']);
    expect(footprint.min).toMatchObject({ nodes: 6, vcpus: null, memoryGb: null, diskGb: { 'pd-ssd': 600 } });
    expect(cost.unpriced[0]).toBe('n4-standard-16 nodes (3–150): no price for n4-standard-16 in us-central1');
  });
});

describe('footprintOf, the pure API preflight calls', () => {
  it('sums a config with a provider’s layout and shapes, initial size included', () => {
    const config = configOf({
      ...gcp,
      command: 'plan',
      'services-min-nodes': '0',
      'services-max-nodes': '3',
      'node-locations': 'us-central1-a,us-central1-b',
    });
    const fp = footprintOf(config, GCP_FOOTPRINT);
    // services 0..3 per zone, created at 1 per zone; workspaces 1..50 per zone; 2 zones
    expect(fp.pools.map((p) => [p.name, p.nodes])).toEqual([
      ['workload-services', { min: 0, initial: 2, max: 6 }],
      ['workload-workspaces', { min: 2, initial: 2, max: 100 }],
    ]);
    // initial: 2×8 + 2×16 = 48 vCPUs, all N2D
    expect(fp.initial.vcpus).toBe(48);
    expect(gcpCpuQuotaMetric('n2d-standard-8')).toBe('N2D_CPUS');
    expect(gcpCpuQuotaMetric('e2-standard-2')).toBe('CPUS');
  });

  it('knows the shapes of the table and no others', () => {
    expect(gcpMachineShape('c3-standard-22')).toEqual({ vcpus: 22, memoryGb: 88 });
    expect(gcpMachineShape('n2d-highmem-8')).toEqual({ vcpus: 8, memoryGb: 64 });
    expect(gcpMachineShape('n2d-standard-6')).toBeUndefined();
    expect(awsMachineShape('c6i.4xlarge')).toEqual({ vcpus: 16, memoryGb: 32 });
    expect(awsMachineShape('m5.32xlarge')).toBeUndefined();
  });

  it('bills EKS extended support at $0.60/h when eks-support-type says so', () => {
    const config = { ...configOf({ provider: 'aws', command: 'plan' }), eksSupportType: 'extended' };
    const { cost } = estimateOf(config);
    // 699.15 − 73 + 730×0.60 (438) = 1064.15
    expect(cost.monthly.min).toBe(1064.15);
    expect(cost.items.find((i) => i.unit === 'cluster-hour')).toMatchObject({
      what: 'EKS cluster (extended support)',
      unitPrice: 0.6,
    });
  });

  it('sums an unknown type with the shape the cloud reported; a type in the table keeps the table’s shape', () => {
    const config = configOf({ ...gcp, command: 'plan', 'services-machine-type': 'n4-standard-8' });
    expect(estimateOf(config).footprint.unknownMachineTypes).toEqual(['n4-standard-8']);
    const { footprint } = estimateOf(config, undefined, {
      'n4-standard-8': { vcpus: 8, memoryGb: 32 },
      'n2d-standard-16': { vcpus: 1, memoryGb: 1 },
    });
    // 3 zones × (8 vCPU n4-standard-8 + 16 vCPU n2d-standard-16 from the table, not the reported 1)
    expect([footprint.unknownMachineTypes, footprint.min.vcpus, footprint.min.memoryGb]).toEqual([[], 72, 288]);
  });
});
