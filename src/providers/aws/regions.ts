/**
 * AWS regions and their availability zones, as data. Source:
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html and
 * `aws ec2 describe-availability-zones` per region, as of 2026-12-07. AZ letters are mapped per account
 * (us-west-1 shows an account two of its three letters): the table holds every letter in use. A region
 * that opened later is used as given, with a warning (see `regionNotice` in src/regions.ts).
 */
import type { RegionTable } from '../../regions.js';

const abc = ['a', 'b', 'c'];

export const AWS_REGIONS: RegionTable = {
  date: '2026-12-07',
  source: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
  /** `eu-west-1a`: the region and a letter. */
  zoneName: (region, letter) => `${region}${letter}`,
  zoneForm: 'an availability zone of the region such as `eu-west-1a`',
  regions: {
    'af-south-1': abc,
    'ap-east-1': abc,
    'ap-east-2': abc,
    'ap-northeast-1': ['a', 'c', 'd'],
    'ap-northeast-2': ['a', 'b', 'c', 'd'],
    'ap-northeast-3': abc,
    'ap-south-1': abc,
    'ap-south-2': abc,
    'ap-southeast-1': abc,
    'ap-southeast-2': abc,
    'ap-southeast-3': abc,
    'ap-southeast-4': abc,
    'ap-southeast-5': abc,
    'ap-southeast-7': abc,
    'ca-central-1': ['a', 'b', 'd'],
    'ca-west-1': abc,
    'cn-north-1': ['a', 'b', 'd'],
    'cn-northwest-1': abc,
    'eu-central-1': abc,
    'eu-central-2': abc,
    'eu-north-1': abc,
    'eu-south-1': abc,
    'eu-south-2': abc,
    'eu-west-1': abc,
    'eu-west-2': abc,
    'eu-west-3': abc,
    'il-central-1': abc,
    'me-central-1': abc,
    'me-south-1': abc,
    'mx-central-1': abc,
    'sa-east-1': abc,
    'us-east-1': ['a', 'b', 'c', 'd', 'e', 'f'],
    'us-east-2': abc,
    'us-gov-east-1': abc,
    'us-gov-west-1': abc,
    'us-west-1': abc,
    'us-west-2': ['a', 'b', 'c', 'd'],
  },
};

/**
 * eksctl's rule (pkg/apis/eksctl.io/v1alpha5/vpc.go, pkg/az/az.go): a cluster needs at least 2
 * availability zones (`MinRequiredAvailabilityZones`); without `availabilityZones` it picks 3 at random
 * (`RecommendedAvailabilityZones`), 2 in us-east-1.
 */
export const EKSCTL_MIN_ZONES = 2;
export function eksctlDefaultZoneCount(region: string, known: number | undefined): number {
  if (region === 'us-east-1') return 2;
  return known === undefined ? 3 : Math.min(3, known);
}
