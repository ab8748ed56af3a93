import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isBuildFresh } from "../scripts/lib/build-freshness";
import { binPath, run } from "../scripts/lib/processes";

/** Inputs of the build that scripts/lib/build-freshness.ts does not look at. */
const EXTRA_BUILD_INPUTS = ["proxy.ts", "instrumentation.ts"];

/** A placeholder: the build needs a key to be set, never a real one (the bench's sandbox key is given at start). */
const BUILD_TIME_CRM_KEY = "ctc_bench_build_placeholder";

export interface BuildRecord {
  built: boolean;
  /** How long the build took: this run's, or the one that made the build reused. */
  ms: number | null;
  builtAt: string | null;
}

/** Kept next to a build the bench made, so a run that reuses it can still say what building cost. */
const BUILD_RECORD = "bench-build.json";

/**
 * `next build` with a dist dir of its own. Skipped when that build is newer
 * than every source it depends on, unless forced.
 */
export async function buildDashboard(options: {
  root: string;
  distDir: string;
  force: boolean;
  logFile: string;
  log: (line: string) => void;
}): Promise<BuildRecord> {
  const recordFile = join(options.root, options.distDir, BUILD_RECORD);
  if (!options.force && dashboardBuildIsFresh(options.root, options.distDir)) {
    options.log(`The production build in ${options.distDir} is up to date.`);
    const previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, "utf8")) as { ms: number; builtAt: string }) : null;
    return { built: false, ms: previous?.ms ?? null, builtAt: previous?.builtAt ?? null };
  }
  options.log(`Building the dashboard into ${options.distDir} (log: ${options.logFile}) …`);
  const started = performance.now();
  const code = await withTsconfigKept(options.root, () =>
    runLogged(binPath("next"), ["build"], options.logFile, {
      cwd: options.root,
      env: { ...process.env, NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1", CRM_API_KEY: BUILD_TIME_CRM_KEY },
    }),
  );
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see ${options.logFile}`);
  const record = { ms: performance.now() - started, builtAt: new Date().toISOString() };
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  return { built: true, ...record };
}

function dashboardBuildIsFresh(root: string, distDir: string): boolean {
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = distDir;
  try {
    if (!isBuildFresh(root)) return false;
  } finally {
    if (previous === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = previous;
  }
  const builtAt = statSync(join(root, distDir, "BUILD_ID")).mtimeMs;
  return EXTRA_BUILD_INPUTS.every((input) => !existsSync(join(root, input)) || statSync(join(root, input)).mtimeMs <= builtAt);
}

/**
 * The baseline: a Next.js app with one empty page, built with the repository's
 * own next and react. Its sources live in bench/empty-next/app; it is copied
 * under .data and built there, so it never becomes a route of the dashboard
 * and Next.js writes its tsconfig and build into .data, not into the sources.
 */
export async function buildEmptyNext(options: {
  root: string;
  appDir: string;
  force: boolean;
  logFile: string;
  log: (line: string) => void;
}): Promise<BuildRecord> {
  const source = join(options.root, "bench", "empty-next", "app");
  const target = join(options.root, options.appDir);
  const marker = join(target, ".next", "BUILD_ID");
  const recordFile = join(target, BUILD_RECORD);
  const sourceChanged = !existsSync(marker) || ["layout.tsx", "page.tsx"].some((file) => statSync(join(source, file)).mtimeMs > statSync(marker).mtimeMs);
  if (!options.force && !sourceChanged) {
    options.log(`The empty Next.js app in ${options.appDir} is up to date.`);
    const previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, "utf8")) as { ms: number; builtAt: string }) : null;
    return { built: false, ms: previous?.ms ?? null, builtAt: previous?.builtAt ?? null };
  }
  options.log(`Building the empty Next.js app into ${options.appDir} …`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(source, join(target, "app"), { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  const started = performance.now();
  const code = await runLogged(binPath("next"), ["build", target], options.logFile, { cwd: options.root, env });
  if (code !== 0) throw new Error(`building the empty Next.js app failed (exit code ${code}); see ${options.logFile}`);
  const record = { ms: performance.now() - started, builtAt: new Date().toISOString() };
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  return { built: true, ...record };
}

/** Puts tsconfig.json back if a build is under way; for Ctrl-C, where the build's own cleanup never runs. */
let restoreTsconfig: (() => void) | null = null;

export function restoreTsconfigNow(): void {
  restoreTsconfig?.();
}

/**
 * `next build` and `next analyze` add their dist dir's type folders to
 * tsconfig.json's include list. Put the file back as it was, modification
 * time included, so the build does not look stale to the next freshness check.
 */
export async function withTsconfigKept<T>(root: string, work: () => Promise<T>): Promise<T> {
  const file = join(root, "tsconfig.json");
  const original = readFileSync(file);
  const { atime, mtime } = statSync(file);
  restoreTsconfig = () => {
    if (!readFileSync(file).equals(original)) {
      writeFileSync(file, original);
      utimesSync(file, atime, mtime);
    }
  };
  try {
    return await work();
  } finally {
    restoreTsconfig();
    restoreTsconfig = null;
  }
}

/** Runs a command to completion with its output in a log file; resolves with its exit code. */
export async function runLogged(command: string, args: string[], logFile: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, "w");
  try {
    return await run(command, args, { ...options, stdio: ["ignore", log, log] });
  } finally {
    closeSync(log);
  }
}
