import { readFileSync } from "node:fs";
import { join } from "node:path";
import { binPath } from "../scripts/lib/processes";
import { runLogged } from "./build";

/**
 * Part 5 runs the sandbox's own scale benchmark (sandbox/bench/scale.ts) as a
 * stage, writing its report under .data, and takes its tables from there:
 * one benchmark of the sandbox, not two that could drift apart.
 */
export interface ScaleResult {
  command: string;
  facts: (readonly [string, string])[];
  header: string[];
  rows: string[][];
  durationMs: number;
}

export async function runSandboxScale(options: {
  root: string;
  customers: number;
  jobs: number;
  requests: number;
  warmup: number;
  outFile: string;
  logFile: string;
}): Promise<ScaleResult> {
  const args = [
    "sandbox/bench/scale.ts",
    "--customers",
    String(options.customers),
    "--jobs",
    String(options.jobs),
    "--requests",
    String(options.requests),
    "--warmup",
    String(options.warmup),
    "--reuse",
    "--out",
    options.outFile,
  ];
  const started = performance.now();
  const code = await runLogged(binPath("tsx"), args, options.logFile, { cwd: options.root, env: process.env });
  if (code !== 0) throw new Error(`the sandbox scale benchmark failed (exit code ${code}); see ${options.logFile}`);
  const report = readFileSync(join(options.root, options.outFile), "utf8");
  const facts = parseTable(section(report, "## Run")).rows.map((cells) => [cells[0] ?? "", cells[1] ?? ""] as const);
  const results = parseTable(section(report, "## Results"));
  return { command: `tsx ${args.join(" ")}`, facts, header: results.header, rows: results.rows, durationMs: performance.now() - started };
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`the scale report has no "${heading}" section`);
  const rest = markdown.slice(start + heading.length + 1);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The first markdown table in the text: header cells and body rows (cells unescaped). */
export function parseTable(markdown: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split("\n").filter((line) => line.trim().startsWith("|"));
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|"));
  const [header, separator, ...rows] = lines;
  if (!header || !separator) throw new Error("no markdown table found");
  return { header: cells(header), rows: rows.map(cells) };
}
