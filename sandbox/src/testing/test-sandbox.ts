import { randomBytes } from "node:crypto";
import { findCompanyByApiKey, getCompanySetup, type CompanyLocation, type CompanyUser } from "../companies";
import { startSandbox, type Sandbox, type StartSandboxOptions } from "../server";
import { createApiClient, type ApiClient } from "./api-client";
import { migratedStoreSnapshot } from "./store-snapshot";

export interface TestSandbox extends Sandbox {
  /** A client for `apiKey` (the first key by default), paths relative to /api/v1. */
  client(apiKey?: string | null): ApiClient;
  /** A client for the origin, for /__sandbox/* and unknown paths. */
  rootClient(apiKey?: string | null): ApiClient;
  /** The technicians and locations of the company of apiKey (also one added with addCompany). */
  setUp(apiKey?: string): Promise<{ users: CompanyUser[]; locations: CompanyLocation[] }>;
}

/** A key no other test uses, so each file (or test) gets its own company. */
export function uniqueApiKey(label = "test"): string {
  return `ctc_test_${label}_${randomBytes(6).toString("hex")}`;
}

/**
 * An in-memory sandbox on a free port with no demo data unless asked: tests
 * create what they need through the API. Close it in afterAll.
 */
export async function startTestSandbox(options: Omit<StartSandboxOptions, "storage" | "port" | "hostname"> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    seed: { customers: 0, jobs: 0, seed: 1 },
    ...options,
    apiKeys: options.apiKeys ?? [uniqueApiKey()],
    storage: { kind: "memory", snapshot: await migratedStoreSnapshot() },
    port: 0,
    hostname: "127.0.0.1",
  });
  const firstKey = sandbox.apiKeys[0] ?? null;
  const companyOf = async (apiKey: string) => {
    const company = await findCompanyByApiKey(sandbox.db, apiKey);
    if (!company) throw new Error(`no company for key ${apiKey} in this sandbox`);
    return company;
  };
  return {
    ...sandbox,
    client: (apiKey = firstKey) => createApiClient(sandbox.apiUrl, apiKey),
    rootClient: (apiKey = firstKey) => createApiClient(sandbox.url, apiKey),
    setUp: async (apiKey = firstKey ?? "") => getCompanySetup(sandbox.db, (await companyOf(apiKey)).uuid),
  };
}
