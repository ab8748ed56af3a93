import { parseArgs } from "node:util";

export const PARTS = ["overhead", "pages", "lookup", "requests", "scale", "week", "live", "lighthouse"] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  parts: ReadonlySet<Part>;
  /** Every part ran: only such a run may replace docs/benchmarks.md. */
  complete: boolean;
  out: string;
  rebuild: boolean;
  dryRun: boolean;
  customers: number;
  jobs: number;
  scaleCustomers: number;
  scaleJobs: number;
  scaleRequests: number;
  scaleWarmup: number;
}

export const USAGE = `npm run bench -- [options]

  --only <parts>         run only these parts, comma-separated: ${PARTS.join(", ")}
                         (lighthouse: Lighthouse's desktop and mobile presets on the pages of part 2)
  --skip-scale           every part but the 100,000-customer sandbox run
  --rebuild              build the dashboard even when the build looks fresh
  --customers <n>        customers in the sandbox of parts 1-4 (default 10000)
  --jobs <n>             jobs in that sandbox (default 30000)
  --scale-requests <n>   timed requests per case of the scale run (default 200)
  --out <file>           where to write the report (default docs/benchmarks.md; a partial run
                         writes .data/bench/benchmarks-partial.md unless --out is given)
  --dry-run              check the options and the target, print the plan, start nothing

  BENCH_PORT_OFFSET=<n>  moves the bench's ports (3300-3302, 4300) up by n, 0-600
`;

export class OptionsError extends Error {
  override readonly name = "OptionsError";
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        only: { type: "string" },
        "skip-scale": { type: "boolean", default: false },
        rebuild: { type: "boolean", default: false },
        customers: { type: "string", default: "10000" },
        jobs: { type: "string", default: "30000" },
        "scale-customers": { type: "string", default: "100000" },
        "scale-jobs": { type: "string", default: "300000" },
        "scale-requests": { type: "string", default: "200" },
        "scale-warmup": { type: "string", default: "20" },
        out: { type: "string" },
        "dry-run": { type: "boolean", default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new OptionsError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const parts = new Set<Part>(values.only === undefined ? PARTS : parseParts(values.only));
  if (values["skip-scale"]) parts.delete("scale");
  if (parts.size === 0) throw new OptionsError("Nothing to run: --only and --skip-scale left no part.");
  const complete = parts.size === PARTS.length;
  return {
    parts,
    complete,
    out: values.out ?? (complete ? "docs/benchmarks.md" : ".data/bench/benchmarks-partial.md"),
    rebuild: values.rebuild,
    dryRun: values["dry-run"],
    customers: wholeNumber("customers", values.customers, 1),
    jobs: wholeNumber("jobs", values.jobs, 1),
    scaleCustomers: wholeNumber("scale-customers", values["scale-customers"], 1),
    scaleJobs: wholeNumber("scale-jobs", values["scale-jobs"], 0),
    scaleRequests: wholeNumber("scale-requests", values["scale-requests"], 1),
    scaleWarmup: wholeNumber("scale-warmup", values["scale-warmup"], 0),
  };
}

function parseParts(text: string): Part[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(PARTS as readonly string[]).includes(name)) throw new OptionsError(`Unknown part "${name}" in --only: use ${PARTS.join(", ")}.`);
  }
  return names as Part[];
}

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new OptionsError(`--${name} must be a whole number ≥ ${min}, got "${text}".`);
  return value;
}
