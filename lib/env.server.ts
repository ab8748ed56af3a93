import "server-only";
import { z } from "zod";

/**
 * The app's server configuration, parsed once. Nothing else reads process.env:
 * that keeps the CRM key in one module that can never be bundled for a browser.
 */
const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const serverEnvSchema = z.object({
  PORT: positiveInt(1, 65535).default(3000),
  /** The URL people use to reach the dashboard; its origin is the only one allowed to change data. */
  APP_URL: z.url().optional(),
  CRM_BASE_URL: z
    .url({ message: "must be a URL such as https://customtradescrm.com/api/v1" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  CRM_API_KEY: z.string().min(1).optional(),
  CRM_TIMEOUT_MS: positiveInt(100, 120_000).default(8_000),
  /** The plan's monthly request allowance, to warn before the CRM starts refusing. */
  CRM_MONTHLY_LIMIT: positiveInt(1, 100_000_000).default(50_000),
  /** How long a CRM read is served from the shared cache without asking again. */
  CRM_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  /** How long a read is kept to show (marked stale) when the CRM refuses, e.g. at the monthly limit. */
  CRM_CACHE_STALE_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 31)
    .default(24),
  /**
   * Upstream CRM requests one person may cause per minute (cache hits are free):
   * one stolen session cannot spend the company's monthly plan.
   */
  CRM_USER_REQUESTS_PER_MINUTE: positiveInt(1, 1_000_000).default(60),
  /** The same for admins, whose trash scans and bulk work need more. */
  CRM_ADMIN_REQUESTS_PER_MINUTE: positiveInt(1, 1_000_000).default(240),
  /** Set by `npm start` when it started the sandbox CRM: enables the demo admin. */
  TRADESDESK_SANDBOX: z.enum(["0", "1"]).default("0"),
  DATABASE_URL: z.string().min(1).optional(),
  APP_DATA_DIR: z.string().min(1).default(".data/app"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: positiveInt(5, 24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: positiveInt(1, 24 * 30).default(12),
  /**
   * How long a checked session is remembered in the instance's memory instead of
   * read from the app database on every request (0: never). Sign-out, a role
   * change and a deactivation drop it at once, in every instance (ADR-024).
   */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").max(128).optional(),
  /**
   * How many reverse proxies in front of the dashboard to believe when they say,
   * in X-Forwarded-For, who the client is. 0: none, use the socket's address.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(["silent", "error", "info"]).default("info"),
  /** The CRM mirror's background sync (ADR-014); "off" leaves only read-/write-through and Sync now. */
  MIRROR_SYNC: z.enum(["on", "off"]).default("on"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema> & {
  APP_ORIGIN: string;
  /** Every origin the dashboard accepts changes from: APP_URL's, or when it is unset, this machine's loopback names. */
  APP_ORIGINS: readonly string[];
};

export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  // Empty strings mean "unset", as they do in most deployment tools' forms.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = serverEnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigurationError(`The dashboard is not configured correctly: ${problems.join("; ")}`);
  }
  const appUrl = parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`;
  // Unset APP_URL means "on this machine": localhost and 127.0.0.1 are the same dashboard to the person using it.
  const origins = parsed.data.APP_URL ? [new URL(appUrl).origin] : ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${parsed.data.PORT}`);
  cached = { ...parsed.data, APP_URL: appUrl, APP_ORIGIN: new URL(appUrl).origin, APP_ORIGINS: origins };
  return cached;
}

/** The CRM connection; a clear ConfigurationError when it is not set. */
export function crmConfig(): {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  monthlyLimit: number;
  cacheTtlMs: number;
  cacheStaleMs: number;
  requestsPerMinute: { user: number; admin: number };
} {
  const env = serverEnv();
  if (!env.CRM_BASE_URL || !env.CRM_API_KEY) {
    throw new ConfigurationError("The dashboard is not connected to a CRM: set CRM_BASE_URL and CRM_API_KEY.");
  }
  return {
    baseUrl: env.CRM_BASE_URL,
    apiKey: env.CRM_API_KEY,
    timeoutMs: env.CRM_TIMEOUT_MS,
    monthlyLimit: env.CRM_MONTHLY_LIMIT,
    cacheTtlMs: env.CRM_CACHE_TTL_SECONDS * 1000,
    cacheStaleMs: env.CRM_CACHE_STALE_HOURS * 3600 * 1000,
    requestsPerMinute: { user: env.CRM_USER_REQUESTS_PER_MINUTE, admin: env.CRM_ADMIN_REQUESTS_PER_MINUTE },
  };
}

export function isHttps(): boolean {
  return serverEnv().APP_ORIGIN.startsWith("https:");
}
