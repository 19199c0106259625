/**
 * `tool-mirror`: every download URL keeps its path (and query) and takes the mirror's scheme and host.
 * When the mirror URL has a path of its own, that path is put in front of the upstream path:
 *
 *   tool-mirror  https://mirror.example.com/tools
 *   upstream     https://dl.k8s.io/release/v1.34.5/bin/linux/amd64/kubectl
 *   fetched      https://mirror.example.com/tools/release/v1.34.5/bin/linux/amd64/kubectl
 *
 * A mirror URL may carry credentials (`https://user:secret@mirror…`, or a token alone,
 * `https://TOKEN@mirror…`). They are taken out of the URL, sent as a Basic Authorization header to the
 * mirror's host only, registered as secrets, and never appear in a log line or an error (`displayUrl`
 * drops them).
 */
import { registerSecret } from '../log.js';

export interface Mirror {
  /** scheme://host[:port] plus the mirror's own path prefix, without credentials or a trailing slash. */
  base: string;
  /** The mirror's hostname: the Authorization header is never sent anywhere else. */
  hostname: string;
  /** `Basic …` when the mirror URL carried credentials. */
  authorization?: string;
}

/** Parses the `tool-mirror` input ('' = none). inputs.ts has already checked it is an http(s) URL. */
export function parseMirror(value: string): Mirror | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  let authorization: string | undefined;
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    registerSecret(password);
    registerSecret(url.password); // as written in the input: percent-encoded
    // `https://TOKEN@mirror…`: a token in the user part, with no password, is the secret itself.
    if (!password) {
      registerSecret(user);
      registerSecret(url.username);
    }
    registerSecret(`${user}:${password}`);
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    registerSecret(authorization.slice('Basic '.length));
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  return { base: `${url.protocol}//${url.host}${prefix}`, hostname: url.hostname, authorization };
}

/**
 * Registers the credentials of a `tool-mirror` value (main calls it first thing, so that no error, not even
 * the one refusing the input, shows them). A value that is no URL at all registers nothing: inputs.ts
 * refuses it without showing what stands before an `@`.
 */
export function registerMirrorCredentials(value: string): void {
  try {
    parseMirror(value);
  } catch {
    // not a URL
  }
}

/** The URL actually fetched: the upstream URL, or its path on the mirror. */
export function mirrored(upstream: string, mirror: Mirror | undefined): string {
  if (!mirror) return upstream;
  const u = new URL(upstream);
  return `${mirror.base}${u.pathname}${u.search}`;
}

/** A URL as logs and errors show it: no credentials, no query string (signed URLs carry tokens there). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
