/**
 * `footprint` and `cost-estimate` are set by every command that resolves a config, not only by `plan`:
 * the committed bundle runs `verify` against an endpoint that refuses, fails, and has set both first.
 */
import { describe, expect, it } from '@jest/globals';
import { runActionSync } from './support/run-bundle.js';

describe('outputs of a command other than plan', () => {
  it('verify on GKE sets footprint and cost-estimate before it reads the cloud', () => {
    const res = runActionSync(
      {
        provider: 'gcp',
        command: 'verify',
        project: 'my-project-123',
        region: 'us-central1',
        'node-locations': 'us-central1-c',
      },
      {
        CLOUDSDK_AUTH_ACCESS_TOKEN: 'fake-token-for-estimate-test',
        CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER: 'http://127.0.0.1:9/',
      },
    );
    expect(res.stdout).toMatch(/^::error::gitpod-cluster-action failed: /m);
    const outputs = res.outputs();
    // one zone: 1 n2d-standard-8 + 1 n2d-standard-16 = 24 vCPUs at minimum; $847.15 (see footprint.test.ts)
    expect(JSON.parse(outputs.footprint!)).toMatchObject({
      zones: 1,
      zoneNames: ['us-central1-c'],
      min: { vcpus: 24 },
    });
    expect(JSON.parse(outputs['cost-estimate']!).monthly.min).toBe(847.15);
    expect(res.stdout).toContain('Cost estimate for us-central1: $847.15 to');
  });
});
