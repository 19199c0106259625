/**
 * scripts/refresh-prices.mjs cannot reach the price lists here; its parsers are tested on small samples
 * written by hand in the documented formats: the AWS Price List bulk JSON (products + terms.OnDemand)
 * and the Cloud Billing Catalog API's services.skus.list response.
 */
import { describe, expect, it } from '@jest/globals';
import {
  parseAwsEc2Offer,
  parseAwsEksOffer,
  parseAwsVpcOffer,
  parseGcpComputeSkus,
  parseGkeSkus,
  // @ts-expect-error: a plain .mjs script without type declarations
} from '../scripts/refresh-prices.mjs';

/** One product and its on-demand term, as the bulk JSON nests them. */
function awsOffer(
  rows: { sku: string; family: string; attributes: Record<string, string>; unit: string; usd: string }[],
) {
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  for (const r of rows) {
    products[r.sku] = { sku: r.sku, productFamily: r.family, attributes: r.attributes };
    onDemand[r.sku] = {
      [`${r.sku}.JRTCKXETXF`]: {
        offerTermCode: 'JRTCKXETXF',
        sku: r.sku,
        effectiveDate: '2026-12-01T00:00:00Z',
        priceDimensions: {
          [`${r.sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: r.unit, pricePerUnit: { USD: r.usd }, description: 'sample' },
        },
        termAttributes: {},
      },
    };
  }
  return {
    formatVersion: 'v1.0',
    offerCode: 'AmazonEC2',
    version: '20261201',
    products,
    terms: { OnDemand: onDemand },
  };
}

const linux = {
  operatingSystem: 'Linux',
  tenancy: 'Shared',
  preInstalledSw: 'NA',
  capacitystatus: 'Used',
  licenseModel: 'No License required',
  regionCode: 'eu-west-1',
};

describe('AWS Price List bulk JSON', () => {
  it('takes the Linux shared on-demand instance price and skips Windows, dedicated and reserved-capacity rows', () => {
    const offer = awsOffer([
      {
        sku: 'A1',
        family: 'Compute Instance',
        attributes: { ...linux, instanceType: 'm6i.xlarge' },
        unit: 'Hrs',
        usd: '0.2140000000',
      },
      {
        sku: 'A2',
        family: 'Compute Instance',
        attributes: { ...linux, instanceType: 'm6i.xlarge', operatingSystem: 'Windows' },
        unit: 'Hrs',
        usd: '0.3980000000',
      },
      {
        sku: 'A3',
        family: 'Compute Instance',
        attributes: { ...linux, instanceType: 'm6i.xlarge', tenancy: 'Dedicated' },
        unit: 'Hrs',
        usd: '0.2350000000',
      },
      {
        sku: 'A4',
        family: 'Compute Instance',
        attributes: { ...linux, instanceType: 'm6i.xlarge', capacitystatus: 'UnusedCapacityReservation' },
        unit: 'Hrs',
        usd: '0.2140000000',
      },
      {
        sku: 'A5',
        family: 'Compute Instance',
        attributes: { ...linux, instanceType: 'm6i.2xlarge', regionCode: 'us-east-1' },
        unit: 'Hrs',
        usd: '0.3840000000',
      },
      {
        sku: 'S1',
        family: 'Storage',
        attributes: { regionCode: 'eu-west-1', volumeApiName: 'gp3', usagetype: 'EU-EBS:VolumeUsage.gp3' },
        unit: 'GB-Mo',
        usd: '0.0880000000',
      },
      {
        sku: 'S2',
        family: 'System Operation',
        attributes: { regionCode: 'eu-west-1', volumeApiName: 'gp3', usagetype: 'EU-EBS:VolumeP-IOPS.gp3' },
        unit: 'IOPS-Mo',
        usd: '0.0055000000',
      },
      {
        sku: 'S3',
        family: 'Provisioned Throughput',
        attributes: { regionCode: 'eu-west-1', volumeApiName: 'gp3', usagetype: 'EU-EBS:VolumeP-Throughput.gp3' },
        unit: 'GiBps-mo',
        usd: '45.0560000000',
      },
      {
        sku: 'N1',
        family: 'NAT Gateway',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-NatGateway-Hours' },
        unit: 'Hrs',
        usd: '0.0480000000',
      },
      {
        sku: 'N2',
        family: 'NAT Gateway',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-NatGateway-Bytes' },
        unit: 'GB',
        usd: '0.0480000000',
      },
    ]);
    expect(parseAwsEc2Offer(offer, 'eu-west-1', ['m6i.xlarge', 'm6i.2xlarge'])).toEqual({
      machineHour: { 'm6i.xlarge': 0.214 },
      // 45.056 per GiB/s-month = 0.044 per MB/s-month
      disk: {
        gp3: { gbMonth: 0.088, iopsMonth: 0.0055, throughputMBpsMonth: 0.044, freeIops: 3000, freeThroughputMBps: 125 },
      },
      natGatewayHour: 0.048,
    });
  });

  it('takes the EKS standard and extended support rates and the public IPv4 rate', () => {
    const eks = awsOffer([
      {
        sku: 'E1',
        family: 'Compute',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-AmazonEKS-Hours:perCluster' },
        unit: 'Hrs',
        usd: '0.1000000000',
      },
      {
        sku: 'E2',
        family: 'Compute',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-AmazonEKS-Hours:extendedSupport' },
        unit: 'Hrs',
        usd: '0.6000000000',
      },
    ]);
    expect(parseAwsEksOffer(eks, 'eu-west-1')).toEqual({ clusterHour: 0.1, clusterExtendedHour: 0.6 });
    const vpc = awsOffer([
      {
        sku: 'V1',
        family: 'VpcPublicIPv4Address',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-PublicIPv4:IdleAddress' },
        unit: 'Hrs',
        usd: '0.0050000000',
      },
      {
        sku: 'V2',
        family: 'VpcPublicIPv4Address',
        attributes: { regionCode: 'eu-west-1', usagetype: 'EU-PublicIPv4:InUseAddress' },
        unit: 'Hrs',
        usd: '0.0050000000',
      },
    ]);
    expect(parseAwsVpcOffer(vpc, 'eu-west-1')).toEqual({ externalIpHour: 0.005 });
    expect(parseAwsVpcOffer(vpc, 'us-east-1')).toEqual({});
  });
});

/** One SKU as services.skus.list returns it. */
function sku(
  description: string,
  regions: string[],
  usageUnit: string,
  tiers: [number, string, number][],
  usageType = 'OnDemand',
) {
  return {
    name: `services/6F81-5844-456A/skus/${description.length}`,
    skuId: 'ABCD-1234-EF56',
    description,
    category: { serviceDisplayName: 'Compute Engine', resourceFamily: 'Compute', resourceGroup: 'CPU', usageType },
    serviceRegions: regions,
    pricingInfo: [
      {
        summary: '',
        pricingExpression: {
          usageUnit,
          displayQuantity: 1,
          tieredRates: tiers.map(([start, units, nanos]) => ({
            startUsageAmount: start,
            unitPrice: { currencyCode: 'USD', units, nanos },
          })),
        },
        currencyConversionRate: 1,
        effectiveTime: '2026-12-01T00:00:00Z',
      },
    ],
    serviceProviderName: 'Google',
  };
}

describe('GCP Cloud Billing Catalog API', () => {
  it('takes the on-demand core and RAM rates per family, pd-ssd and the external IP of the region', () => {
    const skus = [
      sku('N2D AMD Instance Core running in Americas', ['us-central1', 'us-east1'], 'h', [[0, '0', 27502000]]),
      sku('N2D AMD Instance Ram running in Americas', ['us-central1', 'us-east1'], 'GiBy.h', [[0, '0', 3686000]]),
      sku(
        'Spot Preemptible N2D AMD Instance Core running in Americas',
        ['us-central1'],
        'h',
        [[0, '0', 6000000]],
        'Preemptible',
      ),
      sku('Commitment v1: N2D AMD Cpu in Americas for 1 Year', ['us-central1'], 'h', [[0, '0', 17327000]], 'Commit1Yr'),
      sku('N2D AMD Instance Core running in Frankfurt', ['europe-west3'], 'h', [[0, '0', 33000000]]),
      sku('SSD backed PD Capacity', ['us-central1'], 'GiBy.mo', [[0, '0', 170000000]]),
      sku('External IP Charge on a Standard VM', ['us-central1'], 'h', [
        [0, '0', 0],
        [0.5, '0', 5000000],
      ]),
    ];
    expect(parseGcpComputeSkus(skus, 'us-central1')).toEqual({
      rates: { n2d: [0.027502, 0.003686] },
      disk: { 'pd-ssd': { gbMonth: 0.17 } },
      externalIpHour: 0.005,
    });
  });

  it('takes the regional cluster management fee of GKE', () => {
    const skus = [
      sku('Zonal Kubernetes Clusters', ['global'], 'h', [[0, '0', 100000000]]),
      sku('Regional Kubernetes Clusters', ['global'], 'h', [[0, '0', 100000000]]),
    ];
    expect(parseGkeSkus(skus)).toEqual({ clusterHour: 0.1 });
    expect(parseGkeSkus(skus.slice(0, 1))).toEqual({});
  });
});
