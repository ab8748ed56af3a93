import { z } from "zod";

/**
 * What the sandbox may do wrong on purpose, so clients' retries, timeouts and
 * idempotency handling can be exercised. Written as `SANDBOX_FAULTS`
 * (`error_rate=0.2,reset_rate=0.05,latency_ms=200,methods=PUT|POST`) or as the
 * same keys in JSON for `PUT /__sandbox/faults`. Unknown keys and bad values
 * are errors: a typo must not silently disable the faults a test relies on.
 */
export interface FaultSettings {
  /** Share of matching requests answered with an injected 500. */
  errorRate: number;
  /** Share of matching requests whose connection is destroyed without a response. */
  resetRate: number;
  latencyMs: number;
  /** Extra uniform random delay in [0, latencyJitterMs]. */
  latencyJitterMs: number;
  /** Share of injected failures on writes that strike after the write committed. */
  afterCommitShare: number;
  /** RNG seed; null draws a random one, so runs differ. */
  seed: number | null;
  /** Only these methods are affected; null means all. */
  methods: string[] | null;
  /** Only paths containing this text are affected; null means all of /api/v1. */
  path: string | null;
  /** Stop after this many requests received a fault; null means never stop. */
  count: number | null;
}

const FAULT_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

const rate = (key: string) =>
  z
    .number({ error: `${key} must be a number from 0 to 1` })
    .min(0, { error: `${key} must be from 0 to 1` })
    .max(1, { error: `${key} must be from 0 to 1` });
const milliseconds = (key: string) =>
  z
    .number({ error: `${key} must be a whole number of milliseconds` })
    .int({ error: `${key} must be a whole number of milliseconds` })
    .min(0, { error: `${key} must be ≥ 0` })
    .max(120_000, { error: `${key} must be at most 120000` });

const methodList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value.split("|").map((method) => method.trim().toUpperCase())
      : Array.isArray(value)
        ? value.map((method) => (typeof method === "string" ? method.toUpperCase() : method))
        : value,
  z
    .array(z.enum(FAULT_METHODS, { error: `methods must list HTTP methods separated by | (${FAULT_METHODS.join("|")})` }), {
      error: "methods must be a |-separated string or an array of HTTP methods",
    })
    .min(1, { error: "methods must name at least one method" }),
);

/** The wire form (snake_case keys), shared by the env string and the admin endpoint. */
const faultSettingsJson = z
  .object(
    {
      error_rate: rate("error_rate").optional(),
      reset_rate: rate("reset_rate").optional(),
      latency_ms: milliseconds("latency_ms").optional(),
      latency_jitter_ms: milliseconds("latency_jitter_ms").optional(),
      after_commit_share: rate("after_commit_share").optional(),
      seed: z.number({ error: "seed must be an integer" }).int({ error: "seed must be an integer" }).nullable().optional(),
      methods: methodList.nullable().optional(),
      path: z.string({ error: "path must be a string" }).min(1, { error: "path must not be empty" }).nullable().optional(),
      count: z
        .number({ error: "count must be a whole number" })
        .int({ error: "count must be a whole number" })
        .min(1, { error: "count must be ≥ 1" })
        .nullable()
        .optional(),
    },
    { error: "faults must be a JSON object" },
  )
  .strict()
  .refine(
    (value) => {
      const error = value.error_rate ?? 0;
      const reset = value.reset_rate ?? 0;
      // Out-of-range rates already have their own message.
      return error > 1 || reset > 1 || error + reset <= 1;
    },
    { error: "error_rate + reset_rate must not exceed 1" },
  );

export type FaultSettingsJson = z.input<typeof faultSettingsJson>;

export class FaultSettingsError extends Error {
  override name = "FaultSettingsError";
}

export const NO_FAULTS: FaultSettings = {
  errorRate: 0,
  resetRate: 0,
  latencyMs: 0,
  latencyJitterMs: 0,
  afterCommitShare: 0.5,
  seed: null,
  methods: null,
  path: null,
  count: null,
};

/** Parses the JSON form; `{}` means no faults. */
export function parseFaultJson(value: unknown): FaultSettings {
  const result = faultSettingsJson.safeParse(value);
  if (!result.success) {
    throw new FaultSettingsError(
      result.error.issues
        .map((issue) => (issue.code === "unrecognized_keys" ? `unknown fault setting ${issue.keys.map((key) => `'${key}'`).join(", ")}` : issue.message))
        .join("; "),
    );
  }
  const json = result.data;
  return {
    errorRate: json.error_rate ?? NO_FAULTS.errorRate,
    resetRate: json.reset_rate ?? NO_FAULTS.resetRate,
    latencyMs: json.latency_ms ?? NO_FAULTS.latencyMs,
    latencyJitterMs: json.latency_jitter_ms ?? NO_FAULTS.latencyJitterMs,
    afterCommitShare: json.after_commit_share ?? NO_FAULTS.afterCommitShare,
    seed: json.seed ?? null,
    methods: json.methods ? [...new Set(json.methods)] : null,
    path: json.path ?? null,
    count: json.count ?? null,
  };
}

const NUMERIC_KEYS = new Set(["error_rate", "reset_rate", "latency_ms", "latency_jitter_ms", "after_commit_share", "seed", "count"]);
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)$/;

/** Parses the env form `key=value,key=value`; empty text means no faults. */
export function parseFaultSpec(text: string): FaultSettings {
  const json: Record<string, unknown> = {};
  for (const pair of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = pair.indexOf("=");
    if (separator <= 0) throw new FaultSettingsError(`'${pair}' is not key=value`);
    const key = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (key in json) throw new FaultSettingsError(`${key} is given twice`);
    if (NUMERIC_KEYS.has(key)) {
      if (!NUMBER_TEXT.test(value)) throw new FaultSettingsError(`${key} must be a number, got '${value}'`);
      json[key] = Number(value);
    } else {
      json[key] = value;
    }
  }
  return parseFaultJson(json);
}

export function faultSettingsToJson(settings: FaultSettings): Record<string, unknown> {
  return {
    error_rate: settings.errorRate,
    reset_rate: settings.resetRate,
    latency_ms: settings.latencyMs,
    latency_jitter_ms: settings.latencyJitterMs,
    after_commit_share: settings.afterCommitShare,
    seed: settings.seed,
    methods: settings.methods,
    path: settings.path,
    count: settings.count,
  };
}

export function isActive(settings: FaultSettings): boolean {
  return settings.errorRate > 0 || settings.resetRate > 0 || settings.latencyMs > 0 || settings.latencyJitterMs > 0;
}

/** One line for the start-up banner. */
export function describeFaults(settings: FaultSettings): string {
  if (!isActive(settings)) return "none";
  const parts = Object.entries(faultSettingsToJson(settings))
    .filter(([key, value]) => value !== null && !(key === "after_commit_share" && value === NO_FAULTS.afterCommitShare) && value !== 0)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("|") : String(value)}`);
  return parts.join(",");
}
