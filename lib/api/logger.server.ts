import "server-only";
import { serverEnv } from "@/lib/env.server";

/**
 * One JSON line per event on stdout. Callers pass only what is safe to keep:
 * never a request body, a header value or the CRM key.
 */
export function logEvent(level: "info" | "error", event: string, fields: Record<string, unknown> = {}) {
  const configured = serverEnv().LOG_LEVEL;
  if (configured === "silent" || (configured === "error" && level === "info")) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}
