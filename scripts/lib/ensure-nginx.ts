import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { run } from "./processes";

/**
 * nginx for the tested reverse-proxy example (e2e/scale/nginx-proxy.spec.ts),
 * found the way scripts/lib/ensure-postgres.ts finds Postgres: on PATH or in
 * Debian's /usr/sbin; when missing and running as root, Debian's `nginx`
 * package is installed. Otherwise the answer says why there is none, for the
 * spec to skip with.
 */
export type NginxLookup = { path: string } | { missing: string };

export async function ensureNginx(): Promise<NginxLookup> {
  const found = findNginx();
  if (found) return { path: found };
  if (!isRoot()) return { missing: "nginx is not installed, and installing it (Debian's nginx package) needs root" };
  console.log("No nginx found: installing Debian's nginx package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if ((await run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], { env })) !== 0) {
    await run("apt-get", ["update", "-qq"], { env });
    await run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], { env });
  }
  const installed = findNginx();
  return installed ? { path: installed } : { missing: "installing Debian's nginx package failed" };
}

export function findNginx(): string | null {
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  return existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;
}

/** openssl makes the test's self-signed certificate. */
export function findOpenssl(): string | null {
  return spawnSync("sh", ["-c", "command -v openssl"], { encoding: "utf8" }).stdout.trim() || null;
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
