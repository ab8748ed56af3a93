#!/usr/bin/env node
/**
 * Keeps package-lock.json installable with `npm ci` on machines whose npm
 * registry mirror serves only the Linux builds of native packages.
 *
 * Packages such as next, tailwindcss and the ESLint resolver list one
 * optional dependency per platform (@next/swc-darwin-arm64, …). When the
 * registry answers 404 for the other platforms' builds, `npm install` leaves
 * them out of the lock file, and `npm ci` then refuses the lock as out of
 * sync. This adds each missing one back as an optional, platform-bound entry
 * (the version its parent asks for, with its os and cpu), which `npm ci`
 * accepts and skips on any other platform without fetching it.
 *
 * Run after `npm install` changes the lock: `node scripts/lock-platform-entries.mjs`.
 * `npm test` fails its "lock file" check when this is needed.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const OSES = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPUS = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

function missingFromLock() {
  try {
    execFileSync("npm", ["ci", "--dry-run", "--ignore-scripts"], { stdio: "pipe", cwd: new URL("..", import.meta.url) });
    return [];
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    const missing = [...output.matchAll(/Missing: (.+?)@\S* from lock file/g)].map((match) => match[1]);
    if (missing.length === 0) throw new Error(`npm ci --dry-run failed for another reason:\n${output}`);
    return missing;
  }
}

function platformOf(name) {
  const part = name.split("/").pop();
  const os = OSES.find((candidate) => part.includes(`-${candidate}`));
  const cpu = CPUS.find((candidate) => new RegExp(`-${candidate}(-|$)`).test(part));
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

const missing = missingFromLock();
if (missing.length === 0) {
  console.log("package-lock.json installs with npm ci; nothing to add.");
  process.exit(0);
}
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
for (const name of missing) {
  const parent = Object.values(lock.packages).find((entry) => entry.optionalDependencies?.[name]);
  if (!parent) throw new Error(`${name} is missing from the lock file but no package lists it as optional`);
  const version = parent.optionalDependencies[name].replace(/^[\^~=]/, "");
  lock.packages[`node_modules/${name}`] = { version, optional: true, ...platformOf(name) };
  console.log(`added ${name}@${version}`);
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
const still = missingFromLock();
if (still.length > 0) throw new Error(`still missing after the fix: ${still.join(", ")}`);
console.log("package-lock.json now installs with npm ci.");
