// jest globalSetup: on a machine without the Google Cloud CLI the GKE tests cannot run (they drive the real
// gcloud against loopback fakes). Say so in one line and stop at once, instead of dozens of failures minutes later.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const NO_GCLOUD =
  'npm test needs the Google Cloud CLI: gcloud is not on PATH. Install it with its gke-gcloud-auth-plugin ' +
  'component (Debian/Ubuntu: apt-get install google-cloud-cli google-cloud-cli-gke-gcloud-auth-plugin from ' +
  "Google's apt repository; or the SDK archive, then gcloud components install gke-gcloud-auth-plugin) and run npm test again.";

/** The first executable `name` on `PATH`, or undefined. */
export function onPath(name, PATH = process.env.PATH ?? '') {
  for (const dir of PATH.split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export default function globalSetup() {
  if (onPath('gcloud')) return;
  console.error(`\n${NO_GCLOUD}`);
  process.exit(1);
}
