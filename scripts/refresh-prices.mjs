// `node scripts/refresh-prices.mjs aws <region> [--from <dir>]`
// `GCP_API_KEY=… node scripts/refresh-prices.mjs gcp <region> [--from <dir>]`
//
// Reads the providers' public price lists and prints the rows of src/providers/<cloud>/prices.ts for one
// region as JSON, with today's date, to paste into the table (and to bump its `date`). It needs the
// network (or `--from` a folder holding the files below), so it is run by hand, never by CI.
//
// AWS: the Price List bulk JSON (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-the-aws-price-list-bulk-api.html)
//   <dir>/AmazonEC2.json   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/<region>/index.json
//   <dir>/AmazonEKS.json   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEKS/current/<region>/index.json
//   <dir>/AmazonVPC.json   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/<region>/index.json
// GCP: the Cloud Billing Catalog API, services.skus.list (https://cloud.google.com/billing/docs/reference/rest/v1/services.skus/list)
//   <dir>/compute.json     https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus?key=…&currencyCode=USD (all pages: { "skus": [...] })
//   <dir>/gke.json         https://cloudbilling.googleapis.com/v1/services/CCD8-9BF1-090E/skus?key=…&currencyCode=USD
import { readFileSync } from 'node:fs';
import path from 'node:path';

// --- AWS -------------------------------------------------------------------------------------------

/** The on-demand USD price per unit of a SKU, and its unit; undefined when the offer has none. */
function awsOnDemand(offer, sku) {
  for (const term of Object.values(offer.terms?.OnDemand?.[sku] ?? {})) {
    for (const dim of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(dim.pricePerUnit?.USD);
      if (Number.isFinite(usd)) return { price: usd, unit: dim.unit };
    }
  }
  return undefined;
}

function awsProducts(offer, region) {
  return Object.values(offer.products ?? {}).filter(
    (p) => !p.attributes?.regionCode || p.attributes.regionCode === region,
  );
}

/** Throughput is listed per GiBps-month or MiBps-month; the table bills per MB/s-month. */
function perMBps(price, unit) {
  return /^gibps/i.test(unit) ? price / 1024 : price;
}

/** AmazonEC2 offer → machineHour (Linux, shared tenancy, no pre-installed software), gp3, NAT gateway. */
export function parseAwsEc2Offer(offer, region, instanceTypes) {
  const out = { machineHour: {}, disk: {}, natGatewayHour: undefined };
  const gp3 = {};
  for (const p of awsProducts(offer, region)) {
    const a = p.attributes ?? {};
    const od = awsOnDemand(offer, p.sku);
    if (!od) continue;
    if (
      p.productFamily === 'Compute Instance' &&
      instanceTypes.includes(a.instanceType) &&
      a.operatingSystem === 'Linux' &&
      a.tenancy === 'Shared' &&
      a.preInstalledSw === 'NA' &&
      (a.capacitystatus ?? 'Used') === 'Used' &&
      (a.licenseModel ?? 'No License required') === 'No License required' &&
      od.unit === 'Hrs'
    ) {
      out.machineHour[a.instanceType] = od.price;
    } else if (/(^|-)EBS:VolumeUsage\.gp3$/.test(a.usagetype ?? '')) {
      gp3.gbMonth = od.price;
    } else if (/(^|-)EBS:VolumeP-IOPS\.gp3$/.test(a.usagetype ?? '')) {
      gp3.iopsMonth = od.price;
    } else if (/(^|-)EBS:VolumeP-Throughput\.gp3$/.test(a.usagetype ?? '')) {
      gp3.throughputMBpsMonth = perMBps(od.price, od.unit);
    } else if (/(^|-)NatGateway-Hours$/.test(a.usagetype ?? '')) {
      out.natGatewayHour = od.price;
    }
  }
  // The free baseline of gp3 is a product rule, not a price row (https://aws.amazon.com/ebs/pricing/).
  if (gp3.gbMonth !== undefined) out.disk.gp3 = { ...gp3, freeIops: 3000, freeThroughputMBps: 125 };
  return out;
}

/** AmazonEKS offer → clusterHour (standard support) and clusterExtendedHour. */
export function parseAwsEksOffer(offer, region) {
  const out = {};
  for (const p of awsProducts(offer, region)) {
    const usage = p.attributes?.usagetype ?? '';
    const od = awsOnDemand(offer, p.sku);
    if (!od) continue;
    if (/AmazonEKS-Hours:perCluster$/.test(usage)) out.clusterHour = od.price;
    if (/AmazonEKS-Hours:extendedSupport$/.test(usage)) out.clusterExtendedHour = od.price;
  }
  return out;
}

/** AmazonVPC offer → externalIpHour (an in-use public IPv4 address). */
export function parseAwsVpcOffer(offer, region) {
  for (const p of awsProducts(offer, region)) {
    if (!/(^|-)PublicIPv4:InUseAddress$/.test(p.attributes?.usagetype ?? '')) continue;
    const od = awsOnDemand(offer, p.sku);
    if (od) return { externalIpHour: od.price };
  }
  return {};
}

// --- GCP -------------------------------------------------------------------------------------------

/** A SKU's price per usage unit: the highest tier (a free first tier is not the price). */
function gcpPrice(sku) {
  const tiers = sku.pricingInfo?.[0]?.pricingExpression?.tieredRates ?? [];
  const top = [...tiers].sort((a, b) => Number(a.startUsageAmount ?? 0) - Number(b.startUsageAmount ?? 0)).pop();
  if (!top) return undefined;
  return Number(top.unitPrice?.units ?? 0) + Number(top.unitPrice?.nanos ?? 0) / 1e9;
}

const GCP_FAMILIES = {
  n2d: { core: /^N2D AMD Instance Core running in /, ram: /^N2D AMD Instance Ram running in / },
  n2: { core: /^N2 Instance Core running in /, ram: /^N2 Instance Ram running in / },
  e2: { core: /^E2 Instance Core running in /, ram: /^E2 Instance Ram running in / },
  c3: { core: /^C3 Instance Core running in /, ram: /^C3 Instance Ram running in / },
};

/** Compute Engine SKUs → per family [vCPU-hour, GB-hour], pd-ssd per GB-month, external IP per hour. */
export function parseGcpComputeSkus(skus, region) {
  const out = { rates: {}, disk: {}, externalIpHour: undefined };
  const inRegion = skus.filter(
    (s) => s.category?.usageType === 'OnDemand' && (s.serviceRegions ?? []).includes(region),
  );
  for (const [family, re] of Object.entries(GCP_FAMILIES)) {
    const core = inRegion.find(
      (s) => re.core.test(s.description) && s.pricingInfo?.[0]?.pricingExpression?.usageUnit === 'h',
    );
    const ram = inRegion.find(
      (s) => re.ram.test(s.description) && s.pricingInfo?.[0]?.pricingExpression?.usageUnit === 'GiBy.h',
    );
    if (core && ram) out.rates[family] = [gcpPrice(core), gcpPrice(ram)];
  }
  const ssd = inRegion.find(
    (s) =>
      /^SSD backed PD Capacity/.test(s.description) && s.pricingInfo?.[0]?.pricingExpression?.usageUnit === 'GiBy.mo',
  );
  if (ssd) out.disk['pd-ssd'] = { gbMonth: gcpPrice(ssd) };
  const ip = inRegion.find((s) => /^External IP Charge on a Standard VM/.test(s.description));
  if (ip) out.externalIpHour = gcpPrice(ip);
  return out;
}

/** GKE SKUs → clusterHour (the regional cluster management fee; its SKU is global). */
export function parseGkeSkus(skus) {
  const fee = skus.find(
    (s) => s.category?.usageType === 'OnDemand' && /^Regional Kubernetes Clusters$/.test(s.description),
  );
  return fee ? { clusterHour: gcpPrice(fee) } : {};
}

// --- CLI -------------------------------------------------------------------------------------------

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.replace(/key=[^&]+/, 'key=***')}: HTTP ${res.status}`);
  return res.json();
}

async function gcpSkus(service, key) {
  const skus = [];
  let page = '';
  do {
    const url = `https://cloudbilling.googleapis.com/v1/services/${service}/skus?currencyCode=USD&pageSize=5000&key=${encodeURIComponent(key)}${page ? `&pageToken=${page}` : ''}`;
    const body = await getJson(url);
    skus.push(...(body.skus ?? []));
    page = body.nextPageToken ?? '';
  } while (page);
  return { skus };
}

const AWS_INSTANCE_TYPES = ['m5', 'm6i', 'm7i', 'c6i'].flatMap((f) =>
  ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'].map((s) => `${f}.${s}`),
);

async function main(argv) {
  const [cloud, region] = argv;
  const fromAt = argv.indexOf('--from');
  const from = fromAt >= 0 ? argv[fromAt + 1] : undefined;
  const load = (file) => JSON.parse(readFileSync(path.join(from, file), 'utf8'));
  let rows;
  if (cloud === 'aws' && region) {
    const offer = (name) =>
      from
        ? load(`${name}.json`)
        : getJson(`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${name}/current/${region}/index.json`);
    rows = {
      ...parseAwsEc2Offer(await offer('AmazonEC2'), region, AWS_INSTANCE_TYPES),
      ...parseAwsEksOffer(await offer('AmazonEKS'), region),
      ...parseAwsVpcOffer(await offer('AmazonVPC'), region),
    };
  } else if (cloud === 'gcp' && region) {
    const key = process.env.GCP_API_KEY;
    if (!from && !key) throw new Error('GCP_API_KEY is not set (an API key with the Cloud Billing API enabled)');
    const compute = from ? load('compute.json') : await gcpSkus('6F81-5844-456A', key);
    const gke = from ? load('gke.json') : await gcpSkus('CCD8-9BF1-090E', key);
    rows = { ...parseGcpComputeSkus(compute.skus ?? [], region), ...parseGkeSkus(gke.skus ?? []) };
  } else {
    throw new Error('usage: refresh-prices.mjs aws|gcp <region> [--from <dir>]');
  }
  const date = new Date().toISOString().slice(0, 10);
  console.log(JSON.stringify({ date, region, ...rows }, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`refresh-prices: ${err.message}`);
    process.exit(1);
  });
}
