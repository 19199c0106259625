/**
 * AWS on-demand list prices (USD, Linux, shared tenancy), read 2026-12-07 from:
 *   - https://aws.amazon.com/ec2/pricing/on-demand/ (instance-hours)
 *   - https://aws.amazon.com/ebs/pricing/ (gp3: GB-month; IOPS above 3,000 and MB/s above 125 per volume)
 *   - https://aws.amazon.com/eks/pricing/ (cluster-hour: $0.10 standard support, $0.60 extended)
 *   - https://aws.amazon.com/vpc/pricing/ (NAT gateway-hour; public IPv4 address-hour, $0.005 since
 *     2024-02-01, the NAT gateway's Elastic IP included)
 * us-east-1, us-east-2 and us-west-2 share one EC2/EBS price list. m7i in eu-west-1 is not in the table yet
 * (unpriced). `scripts/refresh-prices.mjs` rebuilds
 * these rows from the AWS Price List bulk JSON.
 */
import type { PriceTable, RegionPrices } from '../../cost.js';

const US: RegionPrices = {
  machineHour: {
    'm5.large': 0.096,
    'm5.xlarge': 0.192,
    'm5.2xlarge': 0.384,
    'm5.4xlarge': 0.768,
    'm6i.large': 0.096,
    'm6i.xlarge': 0.192,
    'm6i.2xlarge': 0.384,
    'm6i.4xlarge': 0.768,
    'm6i.8xlarge': 1.536,
    'm7i.large': 0.1008,
    'm7i.xlarge': 0.2016,
    'm7i.2xlarge': 0.4032,
    'm7i.4xlarge': 0.8064,
    'c6i.large': 0.085,
    'c6i.xlarge': 0.17,
    'c6i.2xlarge': 0.34,
    'c6i.4xlarge': 0.68,
  },
  disk: {
    gp3: { gbMonth: 0.08, iopsMonth: 0.005, freeIops: 3000, throughputMBpsMonth: 0.04, freeThroughputMBps: 125 },
  },
  clusterHour: 0.1,
  clusterExtendedHour: 0.6,
  natGatewayHour: 0.045,
  externalIpHour: 0.005,
};

const EU_WEST_1: RegionPrices = {
  machineHour: {
    'm5.large': 0.107,
    'm5.xlarge': 0.214,
    'm5.2xlarge': 0.428,
    'm5.4xlarge': 0.856,
    'm6i.large': 0.107,
    'm6i.xlarge': 0.214,
    'm6i.2xlarge': 0.428,
    'm6i.4xlarge': 0.856,
    'm6i.8xlarge': 1.712,
    'c6i.large': 0.096,
    'c6i.xlarge': 0.192,
    'c6i.2xlarge': 0.384,
    'c6i.4xlarge': 0.768,
  },
  disk: {
    gp3: { gbMonth: 0.088, iopsMonth: 0.0055, freeIops: 3000, throughputMBpsMonth: 0.044, freeThroughputMBps: 125 },
  },
  clusterHour: 0.1,
  clusterExtendedHour: 0.6,
  natGatewayHour: 0.048,
  externalIpHour: 0.005,
};

export const AWS_PRICES: PriceTable = {
  currency: 'USD',
  date: '2026-12-07',
  sources: [
    'https://aws.amazon.com/ec2/pricing/on-demand/',
    'https://aws.amazon.com/ebs/pricing/',
    'https://aws.amazon.com/eks/pricing/',
    'https://aws.amazon.com/vpc/pricing/',
  ],
  clusterFeeName: 'EKS cluster',
  regions: { 'us-east-1': US, 'us-east-2': US, 'us-west-2': US, 'eu-west-1': EU_WEST_1 },
  usageBilled: ['NAT gateway data processing, network egress and load balancers (billed by use)'],
};
