import "server-only";
import { createHash } from "node:crypto";
import { crmConfig } from "@/lib/env.server";

/**
 * Who the dashboard's stored copies of CRM data belong to: a hash of the
 * CRM's base URL and the API key (the key itself never leaves lib/crm). The
 * CRM mirror (lib/mirror) files every row under it, so a new key, or another
 * CRM, starts an empty mirror instead of showing rows another key could read.
 */
export function companyScopeOf(baseUrl: string, apiKey: string): string {
  return createHash("sha256").update(`${baseUrl}\n${apiKey}`).digest("hex").slice(0, 32);
}

export function currentCompanyScope(): string {
  const config = crmConfig();
  return companyScopeOf(config.baseUrl, config.apiKey);
}
