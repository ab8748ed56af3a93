/** The CRM self-check's report (lib/crm/compat/crm-check.server.ts), as the server stores it and the CRM compatibility page shows it. */
export type ProbeOutcome = "as assumed" | "differs" | "failed" | "not checked";

export interface ProbeResult {
  assumption: string;
  outcome: ProbeOutcome;
  observed: string;
  /** What the dashboard does about it. */
  handling: string;
}

export interface CrmCheckReport {
  target: string;
  write: boolean;
  startedAt: string;
  finishedAt: string;
  requestsPlanned: number;
  requestsSpent: number;
  results: ProbeResult[];
}

/** The last check, as kept in the app database: which CRM (its base URL, never the key) and who ran it. */
export interface StoredCrmCheck extends CrmCheckReport {
  baseUrl: string;
  /** The admin's email, or "npm run crm:check". */
  ranBy: string;
}

/** GET /api/admin/crm-check: the last result, what a run from the page spends, and whether one is under way. */
export interface CrmCheckState {
  last: StoredCrmCheck | null;
  readRequests: number;
  running: boolean;
}
