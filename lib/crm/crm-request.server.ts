import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { crmConfig, serverEnv } from "@/lib/env.server";
import { announceInvalidation } from "@/lib/crm/cache-invalidation.server";
import { CrmError, classifyCrmFailure } from "@/lib/crm/errors.server";
import { ResponseCache } from "@/lib/crm/response-cache.server";
import { isRetryableOutcome, MAX_RETRIES, retryDelayMs, type AttemptOutcome } from "@/lib/crm/retry-policy.server";
import { chargeCrmRequest } from "@/lib/crm/request-budget.server";
import { countCrmRequest } from "@/lib/crm/usage-meter.server";
import { noteCrmAnswer, noteCrmFailure } from "@/lib/crm/crm-contact.server";
import { timedSync } from "@/lib/runtime/request-timing.server";

/**
 * The only code that talks HTTP to the CRM: URL and key, the envelope,
 * timeouts, safe retries, the shared read cache and the usage count.
 * Everything above it works with parsed values and CrmErrors.
 */
export type QueryValue = string | number | boolean | undefined | null;

export interface CrmCallMeta {
  /** hit: from the shared cache; miss: asked the CRM; stale: the CRM refused and an older answer was served. */
  cache: "hit" | "miss" | "stale" | "none";
  upstreamMs: number;
  upstreamCalls: number;
  /** The CRM answered a retried write with the first attempt's stored answer. */
  replayed: boolean;
  /** When the data was read from the CRM. */
  fetchedAt: string;
  /** Writes only: fields sent that the CRM did not keep, even after the follow-up update (lib/crm/kept-write.server.ts). */
  notSaved?: string[];
  /** With cache "stale": why the CRM could not answer (out of the month's quota, or out of reach). */
  staleBecause?: "usage_limit" | "unavailable";
}

export interface CrmResult<T> {
  data: T;
  meta: CrmCallMeta;
}

export type CrmResource = "customers" | "jobs" | "locations";

const holder = globalThis as typeof globalThis & { __tradesdeskCrmCache?: ResponseCache };

function cache(): ResponseCache {
  const config = crmConfig();
  holder.__tradesdeskCrmCache ??= new ResponseCache({
    freshMs: config.cacheTtlMs,
    keepStaleMs: Math.max(config.cacheTtlMs, config.cacheStaleMs),
    maxEntries: 2_000,
  });
  return holder.__tradesdeskCrmCache;
}

/** Cache keys are per company (per key), so two companies behind one server never share answers. */
function companyScope(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
}

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(`${baseUrl}${path}`);
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [name, value] of entries) url.searchParams.set(name, String(value));
  return url;
}

/** A GET, from the shared cache when fresh, single-flighted when not. */
export async function crmRead<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: { query?: Record<string, QueryValue>; cache?: boolean } = {},
): Promise<CrmResult<z.infer<Schema>>> {
  const config = crmConfig();
  const url = buildUrl(config.baseUrl, path, options.query);
  const key = `${companyScope(config.apiKey)}:${url.pathname.slice(new URL(config.baseUrl).pathname.length)}${url.search}`;
  const useCache = options.cache !== false && config.cacheTtlMs > 0;
  const shared = cache();

  if (useCache) {
    const fresh = shared.getFresh<z.infer<Schema>>(key);
    if (fresh)
      return { data: fresh.value, meta: { cache: "hit", upstreamMs: 0, upstreamCalls: 0, replayed: false, fetchedAt: new Date(fresh.storedAt).toISOString() } };
  }
  try {
    // Only the person who starts a read is charged for it: those who join it in flight get it free.
    if (!useCache || !shared.isInFlight(key)) chargeCrmRequest();
    const load = () => send({ method: "GET", url, schema, idempotent: true, charged: true });
    const result = useCache ? await shared.singleFlight(key, load) : await load();
    if (useCache) shared.set(key, result.data);
    return result;
  } catch (error) {
    // Out of quota or out of reach: what was last seen is better than nothing, if it is marked as such.
    const stale =
      useCache && error instanceof CrmError && (error.kind === "usage_limit" || error.kind === "unavailable") ? shared.getAny<z.infer<Schema>>(key) : undefined;
    if (stale)
      return {
        data: stale.value,
        meta: {
          cache: "stale",
          upstreamMs: 0,
          upstreamCalls: 0,
          replayed: false,
          fetchedAt: new Date(stale.storedAt).toISOString(),
          staleBecause: (error as CrmError).kind === "usage_limit" ? "usage_limit" : "unavailable",
        },
      };
    throw error;
  }
}

/**
 * A POST, PUT or DELETE. With an Idempotency-Key it is retried like a read;
 * without one it is sent once. Afterwards the cached reads of the resources
 * it affects are dropped, so the writer's next read sees the change.
 */
export async function crmWrite<Schema extends z.ZodType>(
  method: "POST" | "PUT" | "DELETE",
  path: string,
  schema: Schema,
  options: { body?: unknown; idempotencyKey?: string; invalidates: readonly CrmResource[] },
): Promise<CrmResult<z.infer<Schema>>> {
  const config = crmConfig();
  noteWriteStart(companyScope(config.apiKey), options.invalidates);
  try {
    return await send({
      method,
      url: buildUrl(config.baseUrl, path),
      schema,
      body: options.body,
      idempotencyKey: options.idempotencyKey,
      idempotent: options.idempotencyKey !== undefined,
    });
  } finally {
    // Also after a failure: a write that timed out may still have happened.
    const scope = companyScope(config.apiKey);
    const prefixes = options.invalidates.map((resource) => `${scope}:/${resource}`);
    cache().invalidate(prefixes);
    void announceInvalidation(prefixes, serverEnv().DATABASE_URL);
  }
}

/**
 * Drops the cached reads of resources changed outside the dashboard (the sync
 * found them), here and in every other instance: the tabs told of the change
 * refetch at once, and must not be served the cached answer from before it.
 */
export async function dropCachedReadsOf(resources: readonly CrmResource[]): Promise<void> {
  const prefixes = resources.map((resource) => `${companyScope(crmConfig().apiKey)}:/${resource}`);
  cache().invalidate(prefixes);
  await announceInvalidation(prefixes, serverEnv().DATABASE_URL);
}

/** Drops cached reads another instance's write made stale (lib/crm/cache-invalidation.server.ts). */
export function dropCachedReads(prefixes: readonly string[]): void {
  cache().invalidate(prefixes);
}

const holderOfWrites = globalThis as typeof globalThis & { __tradesdeskCrmWriteStarts?: Map<string, number> };
const writeStarts = () => (holderOfWrites.__tradesdeskCrmWriteStarts ??= new Map());

function noteWriteStart(scope: string, resources: readonly CrmResource[]) {
  const now = Date.now();
  for (const resource of resources) writeStarts().set(`${scope}:${resource}`, now);
}

/**
 * When this process last started a write affecting these resources (ms since
 * the epoch, 0 if never). The mirror serves a record the CRM confirmed within
 * the cache's lifetime as a cache hit only if the CRM confirmed it after this:
 * a write that failed or timed out may still have changed it, and the cache
 * drops its reads at a write for the same reason.
 */
export function lastWriteStartedAt(resources: readonly CrmResource[]): number {
  const scope = companyScope(crmConfig().apiKey);
  return Math.max(0, ...resources.map((resource) => writeStarts().get(`${scope}:${resource}`) ?? 0));
}

async function send<Schema extends z.ZodType>(request: {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: URL;
  schema: Schema;
  body?: unknown;
  idempotencyKey?: string | undefined;
  idempotent: boolean;
  /** The first attempt was already charged to the person's budget (crmRead does so before joining or starting a flight). */
  charged?: boolean;
}): Promise<CrmResult<z.infer<Schema>>> {
  const config = crmConfig();
  const headers: Record<string, string> = { Authorization: `Bearer ${config.apiKey}`, Accept: "application/json" };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  if (request.idempotencyKey) headers["Idempotency-Key"] = request.idempotencyKey;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);

  const started = performance.now();
  let calls = 0;
  for (let attempt = 0; ; attempt += 1) {
    calls += 1;
    // The person's budget first: a refused request is never sent, so it costs the plan nothing.
    if (attempt > 0 || !request.charged) chargeCrmRequest({ retry: attempt > 0 });
    countCrmRequest();
    let outcome: AttemptOutcome;
    let failure: CrmError;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        body,
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
      if (response.ok) {
        noteCrmAnswer();
        const body = await readEnvelope(response);
        // The wait for the CRM ends with its answer read; checking that answer's shape is the dashboard's own work.
        const upstreamMs = Math.round((performance.now() - started) * 10) / 10;
        const data = timedSync("validate", () => validateAnswer(body, request.schema, response.status));
        const meta: CrmCallMeta = {
          cache: request.method === "GET" ? "miss" : "none",
          upstreamMs,
          upstreamCalls: calls,
          replayed: response.headers.get("idempotent-replayed") === "true",
          fetchedAt: new Date().toISOString(),
        };
        return { data, meta };
      }
      failure = await readFailure(response);
      outcome = { kind: "status", status: response.status, retryAfter: response.headers.get("retry-after") };
    } catch (error) {
      if (error instanceof CrmError) throw error; // a success with a body we cannot read: not retryable
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      failure = new CrmError("unavailable", timedOut ? `The CRM did not answer within ${config.timeoutMs} ms` : "The CRM could not be reached", null, {
        cause: error,
      });
      outcome = { kind: "network" };
    }

    const delay = attempt < MAX_RETRIES && isRetryableOutcome(outcome, request.idempotent) ? retryDelayMs(attempt, outcome) : null;
    if (delay === null) {
      noteCrmFailure(failure.kind);
      throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The answer's `data`, once it is known to be JSON in the CRM's success envelope. */
async function readEnvelope(response: Response): Promise<unknown> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new CrmError("invalid_response", `The CRM answered ${response.status} with a body that is not JSON`, response.status, { cause });
  }
  if (typeof body !== "object" || body === null || (body as { success?: unknown }).success !== true) {
    throw new CrmError("invalid_response", "The CRM answered without its success envelope", response.status);
  }
  return (body as { data: unknown }).data;
}

function validateAnswer<Schema extends z.ZodType>(data: unknown, schema: Schema, status: number): z.infer<Schema> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new CrmError("invalid_response", "The CRM answered in a shape the dashboard does not understand", status, { cause: parsed.error });
  }
  return parsed.data;
}

async function readFailure(response: Response): Promise<CrmError> {
  let message = `The CRM answered ${response.status}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string" && body.error) message = body.error;
  } catch {
    // A failure without a JSON body (a proxy's HTML error page, say): the status says enough.
  }
  return new CrmError(classifyCrmFailure(response.status, message), message, response.status);
}

/** For tests and benchmarks: forget every cached read. */
export function clearCrmCache() {
  holder.__tradesdeskCrmCache?.clear();
}
