import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";
import { crmConfig } from "@/lib/env.server";

export type ComponentState = "ok" | "unreachable" | "not_configured";

export interface Health {
  status: "ok" | "degraded" | "down";
  app: "ok";
  database: ComponentState;
  crm: ComponentState;
  checked_at: string;
}

const CACHE_MS = 5_000;
let cached: { at: number; value: Health } | undefined;

/**
 * For load balancers and monitoring. The CRM is probed *without* the key: any
 * HTTP answer (a 401) proves it is reachable, and an unauthenticated request
 * costs nothing from the monthly quota. The database being down makes this
 * instance unusable (503); the CRM being down does not (another instance
 * would not do better), so it only degrades the status.
 */
export async function checkHealth(): Promise<Health> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const [database, crm] = await Promise.all([checkDatabase(), checkCrm()]);
  const status = database !== "ok" ? "down" : crm !== "ok" ? "degraded" : "ok";
  const value: Health = { status, app: "ok", database, crm, checked_at: new Date().toISOString() };
  cached = { at: Date.now(), value };
  return value;
}

async function checkDatabase(): Promise<ComponentState> {
  try {
    const { db } = await appDatabase();
    await sql`select 1`.execute(db);
    return "ok";
  } catch {
    return "unreachable";
  }
}

async function checkCrm(): Promise<ComponentState> {
  let baseUrl: string;
  try {
    baseUrl = crmConfig().baseUrl;
  } catch {
    return "not_configured";
  }
  try {
    const response = await fetch(`${baseUrl}/customers?limit=1`, { signal: AbortSignal.timeout(3_000), cache: "no-store" });
    await response.body?.cancel();
    return "ok";
  } catch {
    return "unreachable";
  }
}
