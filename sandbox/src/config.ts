import { resolve } from "node:path";
import { z } from "zod";
import type { DatabaseLocation } from "./db/database";
import { FaultSettingsError, parseFaultSpec, type FaultSettings } from "./faults/fault-settings";

/** The documented key of the default company, so a fresh checkout works with no set-up. */
export const DEMO_API_KEY = "ctc_sandbox_demo_key";

export interface SandboxConfig {
  port: number;
  /** One company per key, in this order; the first is the demo company. */
  apiKeys: string[];
  storage: DatabaseLocation;
  seed: SeedSettings;
  monthlyQuota: number;
  faults: FaultSettings;
  /** SANDBOX_STRICT_DOCS=1: follow the CRM's docs to the letter (docs/sandbox.md, "Strict docs"). */
  strictDocs: boolean;
}

export interface SeedSettings {
  customers: number;
  jobs: number;
  seed: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be ≥ ${min}` })
        .max(max, { error: `${name} must be ≤ ${max}` }),
    );

/** PostgreSQL's memory units (case-sensitive, as Postgres reads them), in kB. */
const MEMORY_UNITS_KB = { kB: 1, MB: 1024, GB: 1024 * 1024 } as const;
const MEMORY_SIZE = /^(\d+)(kB|MB|GB)$/;
const SHARED_BUFFERS_MIN_KB = 16 * 1024;
// PGlite is 32-bit WASM with a 2 GiB heap for everything: 1792MB still starts,
// 1900MB runs out of memory on a small index build, 2000MB does not start.
// 1GB leaves the other half for the rest of Postgres.
const SHARED_BUFFERS_MAX_KB = 1024 * 1024;

function memorySizeKb(text: string): number {
  const match = MEMORY_SIZE.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * MEMORY_UNITS_KB[match[2] as keyof typeof MEMORY_UNITS_KB];
}

/**
 * PGlite's shared_buffers as a PostgreSQL memory size (`512MB`, `1GB`,
 * `65536kB`), from 16MB to 1GB. Exported for the scale benchmark's option.
 */
export const sharedBuffersSchema = (name: string) =>
  z
    .string()
    .trim()
    .regex(MEMORY_SIZE, { error: `${name} must be a whole number followed by kB, MB or GB, e.g. 512MB`, abort: true })
    .refine(
      (text) => {
        const kb = memorySizeKb(text);
        return kb >= SHARED_BUFFERS_MIN_KB && kb <= SHARED_BUFFERS_MAX_KB;
      },
      { error: `${name} must be from 16MB to 1GB` },
    );

// A key travels in an HTTP header; commas already separate keys in the variable.
const API_KEY = /^[\x21-\x7e]{8,200}$/;

const envSchema = z
  .object({
    SANDBOX_PORT: integer("SANDBOX_PORT", 0, 65_535).default(4010),
    SANDBOX_API_KEYS: z
      .string()
      .transform((text) =>
        text
          .split(",")
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(API_KEY, { error: "SANDBOX_API_KEYS entries must be 8 to 200 visible ASCII characters" }))
          .min(1, { error: "SANDBOX_API_KEYS must list at least one key" })
          .refine((keys) => new Set(keys).size === keys.length, { error: "SANDBOX_API_KEYS must not repeat a key" }),
      )
      .default([DEMO_API_KEY]),
    SANDBOX_DATA_DIR: z.string().trim().min(1).default(".data/sandbox"),
    SANDBOX_DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, { error: "SANDBOX_DATABASE_URL must be a postgres:// or postgresql:// URL" })
      .optional(),
    SANDBOX_SEED_CUSTOMERS: integer("SANDBOX_SEED_CUSTOMERS", 0, 1_000_000).default(250),
    SANDBOX_SEED_JOBS: integer("SANDBOX_SEED_JOBS", 0, 3_000_000).default(750),
    SANDBOX_SEED: integer("SANDBOX_SEED", -2_147_483_648, 4_294_967_295).default(1),
    SANDBOX_MONTHLY_QUOTA: integer("SANDBOX_MONTHLY_QUOTA", 0, 2_000_000_000).default(50_000),
    SANDBOX_FAULTS: z.string().default(""),
    SANDBOX_STRICT_DOCS: z.enum(["0", "1"], { error: "SANDBOX_STRICT_DOCS must be 0 or 1" }).default("0"),
    SANDBOX_PG_SHARED_BUFFERS: sharedBuffersSchema("SANDBOX_PG_SHARED_BUFFERS").optional(),
  })
  .superRefine((env, context) => {
    if (env.SANDBOX_DATABASE_URL !== undefined && env.SANDBOX_PG_SHARED_BUFFERS !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["SANDBOX_PG_SHARED_BUFFERS"],
        message:
          "SANDBOX_PG_SHARED_BUFFERS applies to PGlite only; with SANDBOX_DATABASE_URL the Postgres server's own shared_buffers applies, so unset one of them",
      });
    }
  });

/** Reads the sandbox's settings from the environment once; throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): SandboxConfig {
  // An empty variable (`SANDBOX_PORT=`) means "use the default", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("SANDBOX_") && value !== undefined && value.trim() !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new ConfigError(`Invalid sandbox configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  let faults: FaultSettings;
  try {
    faults = parseFaultSpec(parsed.SANDBOX_FAULTS);
  } catch (error) {
    if (error instanceof FaultSettingsError) throw new ConfigError(`Invalid sandbox configuration:\n  SANDBOX_FAULTS: ${error.message}`);
    throw error;
  }
  return {
    port: parsed.SANDBOX_PORT,
    apiKeys: parsed.SANDBOX_API_KEYS,
    storage: storageFrom(parsed.SANDBOX_DATABASE_URL, parsed.SANDBOX_DATA_DIR, parsed.SANDBOX_PG_SHARED_BUFFERS, cwd),
    seed: { customers: parsed.SANDBOX_SEED_CUSTOMERS, jobs: parsed.SANDBOX_SEED_JOBS, seed: parsed.SANDBOX_SEED },
    monthlyQuota: parsed.SANDBOX_MONTHLY_QUOTA,
    faults,
    strictDocs: parsed.SANDBOX_STRICT_DOCS === "1",
  };
}

function storageFrom(databaseUrl: string | undefined, dataDir: string, sharedBuffers: string | undefined, cwd: string): DatabaseLocation {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  // Only when set: unset keeps PGlite's own default (128MB).
  const pglite = sharedBuffers === undefined ? {} : { sharedBuffers };
  if (dataDir === "memory") return { kind: "memory", ...pglite };
  return { kind: "directory", path: resolve(cwd, dataDir), ...pglite };
}
