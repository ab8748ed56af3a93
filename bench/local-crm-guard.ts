/**
 * The bench sends tens of thousands of requests. Against a real CRM every one
 * of them counts against a company's monthly allowance (50,000 on the plan),
 * so it only ever runs against the sandbox it starts itself on this machine.
 */
export class ExternalCrmRefusedError extends Error {
  override readonly name = "ExternalCrmRefusedError";
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(host) || host.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Throws ExternalCrmRefusedError unless the URL names this machine. */
export function assertLoopbackCrmUrl(text: string, source: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ExternalCrmRefusedError(`${source} is not a URL ("${text}"). The bench runs only against the local sandbox CRM it starts itself.`);
  }
  if (!isLoopbackHost(url.hostname)) throw new ExternalCrmRefusedError(refusal(url.host, source));
}

const URL_IN_ARGUMENT = /https?:\/\/[^\s,]+/gi;

/**
 * Checks everything that could point the bench at a CRM: CRM_BASE_URL, and
 * any URL among the arguments (say `--crm-url=https://…`), checked before the
 * arguments are parsed so the refusal is about the quota, not about an
 * unknown flag. Returns notes for the log (a local CRM_BASE_URL is ignored).
 */
export function checkCrmTarget(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): string[] {
  const notes: string[] = [];
  for (const argument of argv) {
    for (const match of argument.match(URL_IN_ARGUMENT) ?? []) assertLoopbackCrmUrl(match, `The argument "${argument}"`);
  }
  const configured = env.CRM_BASE_URL?.trim();
  if (configured) {
    assertLoopbackCrmUrl(configured, "CRM_BASE_URL");
    notes.push(`CRM_BASE_URL (${configured}) is ignored: the bench starts its own sandbox and points the dashboard at it.`);
  }
  return notes;
}

function refusal(host: string, source: string): string {
  return [
    `Refusing to run: ${source} points at ${host}, which is not this machine.`,
    "The bench sends tens of thousands of CRM requests; against a real CRM they would spend that company's",
    "monthly quota (50,000 requests on the standard plan) and leave test customers and jobs in its records.",
    "It starts its own sandbox CRM on 127.0.0.1 and measures against that: unset CRM_BASE_URL and drop the URL argument.",
  ].join("\n");
}
