/**
 * EC2 instance shapes the action knows offline: the reference types and common general-purpose and
 * compute families (x86). Source: https://aws.amazon.com/ec2/instance-types/ (2026-12-07). A type not here
 * is shown as unknown by `plan`; preflight and apply read its shape from EC2 (`DescribeInstanceTypes`).
 */
import type { MachineShape } from '../../footprint.js';

/** vCPUs of each size name. */
const SIZES: Readonly<Record<string, number>> = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
  '24xlarge': 96,
  '32xlarge': 128,
  '48xlarge': 192,
};

/** Per family: GiB of memory per vCPU and the largest size offered. */
const FAMILIES: Readonly<Record<string, { gbPerVcpu: number; sizes: readonly string[] }>> = {
  m5: { gbPerVcpu: 4, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'] },
  m5a: {
    gbPerVcpu: 4,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'],
  },
  m6i: {
    gbPerVcpu: 4,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  },
  m6a: {
    gbPerVcpu: 4,
    sizes: [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '32xlarge',
      '48xlarge',
    ],
  },
  m7i: {
    gbPerVcpu: 4,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
  },
  m7a: {
    gbPerVcpu: 4,
    sizes: [
      'large',
      'xlarge',
      '2xlarge',
      '4xlarge',
      '8xlarge',
      '12xlarge',
      '16xlarge',
      '24xlarge',
      '32xlarge',
      '48xlarge',
    ],
  },
  c6i: {
    gbPerVcpu: 2,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  },
  c7i: {
    gbPerVcpu: 2,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
  },
  r6i: {
    gbPerVcpu: 8,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'],
  },
  r7i: {
    gbPerVcpu: 8,
    sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'],
  },
};

export function awsMachineShape(instanceType: string): MachineShape | undefined {
  const [family, size] = instanceType.split('.');
  const rule = FAMILIES[family ?? ''];
  if (!rule || !size || !rule.sizes.includes(size)) return undefined;
  const vcpus = SIZES[size]!;
  return { vcpus, memoryGb: vcpus * rule.gbPerVcpu };
}
