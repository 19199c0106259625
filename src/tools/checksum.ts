/** Checksum documents as publishers write them: `sha256sum` lines, or a bare digest in a `.sha256` file. */

const HEX64 = /^[0-9a-fA-F]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

/** `<hex>  <name>` or `<hex> *<name>` lines (goreleaser, sha256sum) → name → lower-case hex. */
export function parseChecksumLines(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (m) sums.set(m[2]!, m[1]!.toLowerCase());
  }
  return sums;
}

/** The digest of a `.sha256` file: its first token (dl.k8s.io writes the bare digest). */
export function parseSingleChecksum(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return HEX64.test(first) ? first.toLowerCase() : undefined;
}
