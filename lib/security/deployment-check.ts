/**
 * Refuses the one deployment mistake that leaks everything quietly: serving
 * the dashboard to other machines over plain HTTP, where session cookies and
 * the customer list cross the network readable. On this machine (a loopback
 * APP_URL, or none) HTTP is fine: nothing leaves the host.
 */
export function insecureDeploymentProblem(config: { nodeEnv: string | undefined; appUrl: string | undefined }): string | null {
  if (config.nodeEnv !== "production" || !config.appUrl) return null;
  let url: URL;
  try {
    url = new URL(config.appUrl);
  } catch {
    return null; // lib/env.server.ts reports a malformed APP_URL in its own words.
  }
  if (url.protocol !== "http:" || isLoopbackHost(url.hostname)) return null;
  return (
    `Tradesdesk will not start: APP_URL is ${url.origin}, plain HTTP on an address other machines use, so sign-in cookies and ` +
    `customer records would cross the network unencrypted. Serve the dashboard over HTTPS (APP_URL=https://${url.host}, behind a ` +
    `reverse proxy that terminates TLS; see docs/security.md), or use it on this machine only (APP_URL unset or http://localhost:PORT).`
  );
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
