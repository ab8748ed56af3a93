import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Figures from the reliability specs, one JSON file per spec under
 * .data/reliability/, which `scripts/reliability-report.ts` turns into
 * docs/reliability.md. LONG runs (`npm run test:reliability`) use the sizes
 * of the issue; the default sizes keep `npm test` short.
 */
export const LONG = process.env.RELIABILITY_LONG === "1";
export const REPORT_DIR = ".data/reliability";

export function writeFigures(name: string, figures: Record<string, unknown>) {
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(`${REPORT_DIR}/${name}.json`, JSON.stringify({ name, long: LONG, recorded_at: new Date().toISOString(), ...figures }, null, 2));
}

/** Resident memory (MB) of the process listening on a local TCP port, read from /proc. */
export function listenerRssMb(port: number): number | null {
  try {
    const output = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(output)?.[1];
    if (!pid) return null;
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
