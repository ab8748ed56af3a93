import "server-only";
import type { CrmErrorKind } from "@/lib/errors/crm-error-kinds";

/**
 * How the CRM last answered this process, kept in memory: what a screen that
 * costs no CRM request (the overview, answered from the mirror) can still say
 * honestly about the connection. An answer that is a refusal of the request
 * itself (not found, invalid, a conflict) still proves the CRM is reachable.
 */
export interface CrmContact {
  at: string;
  ok: boolean;
  /** Why the last request failed, when it did. */
  kind: CrmErrorKind | null;
  /** When the CRM last answered at all (null if it has not since the process started). */
  lastOkAt: string | null;
}

const REACHABLE: ReadonlySet<CrmErrorKind> = new Set(["not_found", "validation", "conflict"]);

const holder = globalThis as typeof globalThis & { __tradesdeskCrmContact?: CrmContact };

export function noteCrmAnswer(at = new Date()): void {
  const iso = at.toISOString();
  holder.__tradesdeskCrmContact = { at: iso, ok: true, kind: null, lastOkAt: iso };
}

export function noteCrmFailure(kind: CrmErrorKind, at = new Date()): void {
  if (REACHABLE.has(kind)) return noteCrmAnswer(at);
  holder.__tradesdeskCrmContact = { at: at.toISOString(), ok: false, kind, lastOkAt: holder.__tradesdeskCrmContact?.lastOkAt ?? null };
}

export function lastCrmContact(): CrmContact | null {
  return holder.__tradesdeskCrmContact ?? null;
}
