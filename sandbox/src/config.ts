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
    .pipe(z.number().min(min, { error: `${name} must be ≥ ${min}` }).max(max, { error: `${name} must be ≤ ${max}` }));

// A key travels in an HTTP header; commas already separate keys in the variable.
const API_KEY = /^[\x21-\x7e]{8,200}$/;

const envSchema = z.object({
  SANDBOX_PORT: integer("SANDBOX_PORT", 0, 65_535).default(4010),
  SANDBOX_API_KEYS: z
    .string()
    .transform((text) => text.split(",").map((key) => key.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(API_KEY, { error: "SANDBOX_API_KEYS entries must be 8 to 200 visible ASCII characters" }))
        .min(1, { error: "SANDBOX_API_KEYS must list at least one key" })
        .refine((keys) => new Set(keys).size === keys.length, { error: "SANDBOX_API_KEYS must not repeat a key" }),
    )
    .default([DEMO_API_KEY]),
  SANDBOX_DATA_DIR: z.string().trim().min(1).default(".data/sandbox"),
  SANDBOX_DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\//, { error: "SANDBOX_DATABASE_URL must be a postgres:// or postgresql:// URL" }).optional(),
  SANDBOX_SEED_CUSTOMERS: integer("SANDBOX_SEED_CUSTOMERS", 0, 1_000_000).default(250),
  SANDBOX_SEED_JOBS: integer("SANDBOX_SEED_JOBS", 0, 3_000_000).default(750),
  SANDBOX_SEED: integer("SANDBOX_SEED", -2_147_483_648, 4_294_967_295).default(1),
  SANDBOX_MONTHLY_QUOTA: integer("SANDBOX_MONTHLY_QUOTA", 0, 2_000_000_000).default(50_000),
  SANDBOX_FAULTS: z.string().default(""),
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
    storage: storageFrom(parsed.SANDBOX_DATABASE_URL, parsed.SANDBOX_DATA_DIR, cwd),
    seed: { customers: parsed.SANDBOX_SEED_CUSTOMERS, jobs: parsed.SANDBOX_SEED_JOBS, seed: parsed.SANDBOX_SEED },
    monthlyQuota: parsed.SANDBOX_MONTHLY_QUOTA,
    faults,
  };
}

function storageFrom(databaseUrl: string | undefined, dataDir: string, cwd: string): DatabaseLocation {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  if (dataDir === "memory") return { kind: "memory" };
  return { kind: "directory", path: resolve(cwd, dataDir) };
}
