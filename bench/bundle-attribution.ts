import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { binPath } from "../scripts/lib/processes";
import { runLogged, withTsconfigKept } from "./build";

/**
 * Where a page's JavaScript comes from, by package: `next analyze` (Turbopack's
 * own module graph of the production build) lists every module in every
 * browser chunk with its size. Per-module compressed sizes overstate the
 * whole chunk's (small pieces compress worse), so they rank contributors;
 * the page-weight table's bytes are the measured ones.
 */
export interface Contributor {
  name: string;
  bytes: number;
  compressedBytes: number;
}

export interface RouteAttribution {
  route: string;
  contributors: Contributor[];
  compressedBytes: number;
}

export async function analyzeBuild(options: { root: string; distDir: string; logFile: string }): Promise<void> {
  const code = await withTsconfigKept(options.root, () =>
    runLogged(binPath("next"), ["analyze", "--output"], options.logFile, {
      cwd: options.root,
      env: { ...process.env, NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1", CRM_API_KEY: "ctc_bench_build_placeholder" },
    }),
  );
  if (code !== 0) throw new Error(`next analyze failed (exit code ${code}); see ${options.logFile}`);
}

export async function attributeRoute(options: { root: string; distDir: string; route: string }): Promise<RouteAttribution> {
  const child = spawn(binPath("next"), ["analyze", "export", "--dist-dir", options.distDir, "--route", options.route], {
    cwd: options.root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const byName = new Map<string, Contributor>();
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString("utf8");
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.includes('"type":"part"')) continue;
    const part = JSON.parse(line) as { filename: string; source_path: string; size: number; compressed_size: number };
    // Browser JavaScript only: server chunks and stylesheets are not what the page downloads as script.
    if (!part.filename.includes("/static/chunks/") || !part.filename.endsWith(".js")) continue;
    const name = contributorOf(part.source_path);
    const entry = byName.get(name) ?? { name, bytes: 0, compressedBytes: 0 };
    entry.bytes += part.size;
    entry.compressedBytes += part.compressed_size;
    byName.set(name, entry);
  }
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`next analyze export --route ${options.route} failed (exit code ${code}): ${errors.slice(0, 300)}`);
  const contributors = [...byName.values()].sort((a, b) => b.compressedBytes - a.compressedBytes);
  return { route: options.route, contributors, compressedBytes: contributors.reduce((sum, entry) => sum + entry.compressedBytes, 0) };
}

/**
 * A package under node_modules (React and the other libraries Next.js ships
 * precompiled are named on their own), or the project folder (components/jobs,
 * lib/customers, app) a module lives in.
 */
export function contributorOf(sourcePath: string): string {
  const path = sourcePath.replace(/^\[project\]\//, "");
  const compiledInNext = /(?:^|\/)node_modules\/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (compiledInNext?.[1]) return `${compiledInNext[1]} (in next)`;
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage?.[1]) return inPackage[1];
  if (path.startsWith("[")) return path.split("/")[0] ?? path;
  const [top, second] = path.split("/");
  return top === "components" || top === "lib" ? `${top}/${second ?? ""}` : (top ?? path);
}
