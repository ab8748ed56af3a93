import "server-only";
import { createHash } from "node:crypto";
import { crmConfig } from "@/lib/env";

/**
 * The mirror keeps the rows of each CRM company apart by a scope: a hash of
 * the CRM's base URL and the API key. The key itself is never stored, and a
 * new key (or another CRM) starts an empty mirror instead of showing rows
 * another key was allowed to read.
 */
export function mirrorScopeOf(baseUrl: string, apiKey: string): string {
  return createHash("sha256").update(`${baseUrl}\n${apiKey}`).digest("hex").slice(0, 32);
}

export function currentMirrorScope(): string {
  const config = crmConfig();
  return mirrorScopeOf(config.baseUrl, config.apiKey);
}
