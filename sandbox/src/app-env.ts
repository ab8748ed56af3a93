import type { HttpBindings } from "@hono/node-server";
import type { Clock } from "./clock";
import type { Company } from "./companies";
import type { Database } from "./db/database";
import type { ListTotalCache } from "./db/list-totals";
import type { FaultInjector } from "./faults/fault-injector";
import type { IdempotencyClaim } from "./idempotency/idempotency-store";
import type { AccessRefusal } from "./middleware/access";

/** What the app's handlers and middleware share, passed in by createApp. */
export interface AppDeps {
  db: Database;
  clock: Clock;
  faults: FaultInjector;
  monthlyQuota: number;
  maxBodyBytes: number;
  /** List totals per company, valid while the company's generation of the table is unchanged. */
  listTotals: ListTotalCache;
  /** Companies whose key is turned away on purpose (PUT /__sandbox/access), by company uuid. */
  accessRefusals: Map<string, AccessRefusal>;
  /** Follow the docs to the letter: create ignores parameters its doc does not list, list items carry only what the list examples show, scheduled_date is a full timestamp (strict-docs.ts). */
  strictDocs: boolean;
}

export interface AppVariables {
  /** The company of the request's API key (set by the auth middleware). */
  company: Company;
  /** The raw request body of POST/PUT/DELETE ('' otherwise). Idempotency fingerprints these bytes. */
  rawBody: string;
  /** The Idempotency-Key this request claimed, if it sent one. */
  idempotency: IdempotencyClaim | null;
  /** True once the response was recorded in the same transaction as the write. */
  idempotencyStored: boolean;
}

// Under @hono/node-server the Node request is in c.env; Partial because
// app.request() in other runtimes has no such bindings.
export type AppEnv = { Bindings: Partial<HttpBindings>; Variables: AppVariables };
