/**
 * The logger every module takes (injected, so tests can read what was logged), and the secret
 * registry: every value registered here is masked by the runner (core.setSecret, through the
 * `onSecret` hook main installs) and redacted by this process in anything it writes.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

const secrets = new Set<string>();
let onSecret: ((value: string) => void) | undefined;

/** main.ts passes core.setSecret here, so values registered later are masked by the runner too. */
export function setSecretHook(hook: ((value: string) => void) | undefined): void {
  onSecret = hook;
  if (hook) for (const s of secrets) hook(s);
}

/**
 * Registers a secret (token, key, certificate private part). Short values are not worth masking. A value of
 * several lines (a PEM key) is registered line by line too: an error message may join its lines (see
 * errorMessage in steps.ts), a log may show one of them alone.
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || secrets.has(value)) return;
  secrets.add(value);
  onSecret?.(value);
  if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n|\r/)) registerSecret(line.trim());
}

/** Replaces every registered secret in `text` with `***`, the longest first (one may hold another). */
export function redact(text: string): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}

/** Forgets every secret (tests). */
export function clearSecrets(): void {
  secrets.clear();
}

/** A logger that redacts before it writes. */
export function redacting(inner: Logger): Logger {
  return {
    debug: (m) => inner.debug(redact(m)),
    info: (m) => inner.info(redact(m)),
    warning: (m) => inner.warning(redact(m)),
    error: (m) => inner.error(redact(m)),
  };
}

/** A logger that keeps lines in memory (tests, and benchmarks that must stay quiet). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}
