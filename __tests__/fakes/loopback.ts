/** What every loopback fake server shares: listen on 127.0.0.1 at a free port, read a body, shut down. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listenLoopback(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The transient-fault mode a fake is in (`failFirstAttemptOfEach`): which requests it has seen, which to spare. */
export interface FirstAttemptMode<R> {
  seen: Set<string>;
  opts: { except?: (r: R) => boolean };
}

/**
 * The fakes' transient-fault bookkeeping, shared: a request whose key has an unretried fault marks it
 * `retried`; the first attempt of each distinct key (not `except`ed) is to fail. The caller picks and
 * records the fault and answers it the way its API would.
 */
export function failsFirstAttempt<R>(
  faults: { key: string; retried: boolean }[],
  mode: FirstAttemptMode<R> | undefined,
  key: string,
  request: R,
): boolean {
  const earlier = faults.find((f) => f.key === key && !f.retried);
  if (earlier) earlier.retried = true;
  if (!mode || mode.seen.has(key)) return false;
  mode.seen.add(key);
  return !mode.opts.except?.(request);
}
