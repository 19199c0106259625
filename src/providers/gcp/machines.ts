/**
 * GCE machine shapes the action knows offline: the reference types and the common general-purpose
 * families. Source: https://cloud.google.com/compute/docs/general-purpose-machines (2026-12-07). A type
 * not here is shown as unknown by `plan`; preflight and apply read its shape from Compute (`machineTypes.get`).
 */
import type { MachineShape } from '../../footprint.js';

/** Per family and class: GB of memory per vCPU, and the predefined vCPU counts. */
const FAMILIES: Readonly<Record<string, Readonly<Record<string, { gbPerVcpu: number; vcpus: readonly number[] }>>>> = {
  n2d: {
    standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224] },
    highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96] },
    highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224] },
  },
  n2: {
    standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128] },
    highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96, 128] },
    highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32, 48, 64, 80, 96] },
  },
  e2: {
    standard: { gbPerVcpu: 4, vcpus: [2, 4, 8, 16, 32] },
    highmem: { gbPerVcpu: 8, vcpus: [2, 4, 8, 16] },
    highcpu: { gbPerVcpu: 1, vcpus: [2, 4, 8, 16, 32] },
  },
  c3: {
    standard: { gbPerVcpu: 4, vcpus: [4, 8, 22, 44, 88, 176] },
    highmem: { gbPerVcpu: 8, vcpus: [4, 8, 22, 44, 88, 176] },
    highcpu: { gbPerVcpu: 2, vcpus: [4, 8, 22, 44, 88, 176] },
  },
  c3d: {
    standard: { gbPerVcpu: 4, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
    highmem: { gbPerVcpu: 8, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
    highcpu: { gbPerVcpu: 2, vcpus: [4, 8, 16, 30, 60, 90, 180, 360] },
  },
};

/** Shared-core and other types whose shape follows no family rule. */
const SINGLES: Readonly<Record<string, MachineShape>> = {
  'e2-medium': { vcpus: 2, memoryGb: 4 },
  'e2-small': { vcpus: 2, memoryGb: 2 },
  'e2-micro': { vcpus: 2, memoryGb: 1 },
};

export function gcpMachineShape(machineType: string): MachineShape | undefined {
  const single = SINGLES[machineType];
  if (single) return single;
  const m = /^([a-z0-9]+)-([a-z]+)-([0-9]+)$/.exec(machineType);
  const rule = m ? FAMILIES[m[1]!]?.[m[2]!] : undefined;
  const vcpus = Number(m?.[3]);
  if (!rule || !rule.vcpus.includes(vcpus)) return undefined;
  return { vcpus, memoryGb: vcpus * rule.gbPerVcpu };
}

/** Families whose vCPUs count against the region's general CPUS quota (the others have `<FAMILY>_CPUS`). */
const GENERAL_CPU_FAMILIES = new Set(['E2', 'N1', 'F1', 'G1']);

/**
 * The Compute Engine CPU quota metric a machine type's vCPUs count against: `N2D_CPUS`, or `CPUS` for E2/N1.
 * Given the metrics a region reports, a family without its own metric there counts against `CPUS`.
 */
export function gcpCpuQuotaMetric(machineType: string, regionMetrics?: ReadonlySet<string>): string {
  const family = machineType.split('-')[0]!.toUpperCase();
  if (GENERAL_CPU_FAMILIES.has(family)) return 'CPUS';
  const own = `${family}_CPUS`;
  return !regionMetrics || regionMetrics.has(own) ? own : 'CPUS';
}
