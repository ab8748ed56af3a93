import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { API_BASE_PATH, createApp } from "./app";
import { systemClock, type Clock } from "./clock";
import { ensureCompanies, ensureCompany, type Company } from "./companies";
import { DEMO_API_KEY, type SeedSettings } from "./config";
import { openDatabase, type Database, type DatabaseLocation } from "./db/database";
import { ListTotalCache } from "./db/list-totals";
import { migrate } from "./db/migrate";
import { createFaultInjector, type FaultStats } from "./faults/fault-injector";
import { failure } from "./http/envelope";
import { NO_FAULTS, parseFaultJson, parseFaultSpec, type FaultSettings, type FaultSettingsJson } from "./faults/fault-settings";
import { seedDemoData } from "./seed/index";
import { isCompanyEmpty } from "./store-counts";

export interface StartSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  hostname?: string;
  /** One company per key; defaults to the demo key. */
  apiKeys?: string[];
  /** Defaults to in memory. */
  storage?: DatabaseLocation;
  /** Demo data for each company whose store is empty; defaults to none. */
  seed?: SeedSettings;
  monthlyQuota?: number;
  /** Settings, the SANDBOX_FAULTS text form, or the JSON form. */
  faults?: FaultSettings | string | FaultSettingsJson;
  clock?: Clock;
  maxBodyBytes?: number;
  /** Follow the CRM's docs to the letter (SANDBOX_STRICT_DOCS=1). */
  strictDocs?: boolean;
}

export interface SeededCompany extends Company {
  apiKey: string;
  seeded: { customers: number; jobs: number };
}

export interface Sandbox {
  /** Origin, e.g. http://127.0.0.1:4010 */
  url: string;
  /** `${url}/api/v1`, the CRM base URL clients are configured with. */
  apiUrl: string;
  port: number;
  apiKeys: string[];
  companies: SeededCompany[];
  db: Database;
  /** The list-total cache of this sandbox's app (tests read its stats). */
  listTotals: ListTotalCache;
  /** Replaces the fault settings (null or {} clears them). */
  setFaults(faults: FaultSettings | string | FaultSettingsJson | null): void;
  faults(): { settings: FaultSettings; stats: FaultStats };
  /** Adds a company (with its set-up) for a new key while running. */
  addCompany(apiKey: string, name?: string): Promise<Company>;
  close(): Promise<void>;
}

const DEFAULT_QUOTA = 50_000;
const KEEP_ALIVE_MS = 60_000;

/**
 * Binds the port first (a taken port fails at once, before any store is
 * opened), then opens the store, migrates it, makes sure every key's company
 * exists, seeds empty companies, and starts answering. Requests that arrive
 * before that get a 503. Everything started is stopped by close().
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const apiKeys = options.apiKeys ?? [DEMO_API_KEY];
  const hostname = options.hostname ?? "127.0.0.1";
  const faults = createFaultInjector(toFaultSettings(options.faults ?? null));

  let handle: ((request: Request, env: HttpBindings) => Response | Promise<Response>) | null = null;
  const server = createAdaptorServer({
    fetch: (request, env) =>
      handle ? handle(request, env as HttpBindings) : Response.json(failure("The sandbox is starting; retry in a moment"), { status: 503 }),
  }) as Server;
  // Node's 5 s default races clients that reuse an idle connection just as
  // the server drops it (a spurious ECONNRESET on a busy machine). A local
  // sandbox can afford to keep connections; close() ends them anyway.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  const port = await listen(server, options.port ?? 0, hostname);

  let db: Database | undefined;
  try {
    db = await openDatabase(options.storage ?? { kind: "memory" });
    await migrate(db);
    const seeded = await ensureSeededCompanies(db, apiKeys, options.seed, clock);
    const listTotals = new ListTotalCache();
    const app = createApp({
      db,
      clock,
      faults,
      listTotals,
      config: { monthlyQuota: options.monthlyQuota ?? DEFAULT_QUOTA, maxBodyBytes: options.maxBodyBytes, strictDocs: options.strictDocs ?? false },
    });
    const inFlight = trackInFlight(app.fetch);
    handle = inFlight.fetch;

    const url = `http://${formatHost(hostname)}:${port}`;
    const store = db;
    let closing: Promise<void> | undefined;
    return {
      url,
      apiUrl: `${url}${API_BASE_PATH}`,
      port,
      apiKeys: [...apiKeys],
      companies: seeded,
      db: store,
      listTotals,
      setFaults: (next) => faults.set(toFaultSettings(next)),
      faults: () => ({ settings: faults.settings(), stats: faults.stats() }),
      addCompany: async (apiKey, name) => ensureCompany(store, apiKey, name ?? `Sandbox Company ${apiKeys.length + 1}`, clock),
      close: () => (closing ??= stop(server, inFlight.settled, store)),
    };
  } catch (error) {
    await closeServer(server);
    await db?.close();
    throw error;
  }
}

async function ensureSeededCompanies(db: Database, apiKeys: readonly string[], seed: SeedSettings | undefined, clock: Clock): Promise<SeededCompany[]> {
  const companies = await ensureCompanies(db, apiKeys, clock);
  const seeded: SeededCompany[] = [];
  for (const company of companies) {
    const wanted = seed !== undefined && (seed.customers > 0 || seed.jobs > 0);
    // Only an empty company is seeded, so a restart never adds a second batch.
    const counts =
      wanted && (await isCompanyEmpty(db, company.uuid))
        ? await seedDemoData(db, { companyUuid: company.uuid, customers: seed.customers, jobs: seed.jobs, seed: seed.seed, now: clock() })
        : { customers: 0, jobs: 0 };
    seeded.push({ ...company, seeded: counts });
  }
  return seeded;
}

function toFaultSettings(value: FaultSettings | string | FaultSettingsJson | null): FaultSettings {
  if (value === null) return NO_FAULTS;
  if (typeof value === "string") return parseFaultSpec(value);
  if ("errorRate" in value) return value;
  return parseFaultJson(value);
}

function listen(server: Server, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, hostname, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function formatHost(hostname: string): string {
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

async function stop(server: Server, settled: () => Promise<void>, db: Database): Promise<void> {
  await closeServer(server);
  // Handlers whose client vanished may still be mid-query; let them finish first.
  await settled();
  await db.close();
}

/** Counts requests being handled so shutdown can wait for them (bounded) before closing the store. */
function trackInFlight(fetch: (request: Request, env: HttpBindings) => Response | Promise<Response>) {
  let active = 0;
  let idle: Array<() => void> = [];
  const wrapped = async (request: Request, env: HttpBindings) => {
    active += 1;
    try {
      return await fetch(request, env);
    } finally {
      active -= 1;
      if (active === 0) {
        for (const resolve of idle) resolve();
        idle = [];
      }
    }
  };
  const settled = () =>
    active === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          idle.push(resolve);
          setTimeout(resolve, 5_000).unref();
        });
  return { fetch: wrapped, settled };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets would hold close() open until they time out.
    server.closeAllConnections();
  });
}
