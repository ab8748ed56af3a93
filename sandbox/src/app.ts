import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppDeps, AppEnv } from "./app-env";
import { systemClock, type Clock } from "./clock";
import type { Database } from "./db/database";
import { ListTotalCache } from "./db/list-totals";
import { createFaultInjector, type FaultInjector } from "./faults/fault-injector";
import { NO_FAULTS, type FaultSettings } from "./faults/fault-settings";
import { refuseAccess } from "./middleware/access";
import { authenticate } from "./middleware/auth";
import { handleError, handleNotFound, methodNotAllowedResponse } from "./middleware/errors";
import { injectFaults } from "./middleware/faults";
import { idempotency } from "./middleware/idempotency";
import { enforceQuota } from "./middleware/quota";
import { readBody } from "./middleware/read-body";
import { adminRoutes } from "./routes/admin/routes";
import { customerRoutes } from "./routes/customers/routes";
import { jobRoutes } from "./routes/jobs/routes";
import { locationRoutes } from "./routes/locations/routes";

export const API_BASE_PATH = "/api/v1";
export const ADMIN_BASE_PATH = "/__sandbox";
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface CreateAppOptions {
  db: Database;
  config: { monthlyQuota: number; faults?: FaultSettings; maxBodyBytes?: number; strictDocs?: boolean };
  clock?: Clock;
  /** Pass one to control faults from outside (startSandbox does); otherwise built from config.faults. */
  faults?: FaultInjector;
  /** Pass one to inspect it (startSandbox does); otherwise a new one. One per store: generations of two stores are unrelated. */
  listTotals?: ListTotalCache;
}

/**
 * The sandbox CRM as a Hono app. Order matters: auth decides the company,
 * quota counts the request, the body is read once, idempotency claims its key,
 * then faults strike (inside the claim, so injected failures exercise it).
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? systemClock,
    faults: options.faults ?? createFaultInjector(options.config.faults ?? NO_FAULTS),
    monthlyQuota: options.config.monthlyQuota,
    maxBodyBytes: options.config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    listTotals: options.listTotals ?? new ListTotalCache(),
    accessRefusals: new Map(),
    strictDocs: options.config.strictDocs ?? false,
  };

  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedResponse }));

  app.use(`${API_BASE_PATH}/*`, authenticate(deps), refuseAccess(deps), enforceQuota(deps), readBody(deps), idempotency(deps), injectFaults(deps));
  app.route(`${API_BASE_PATH}/customers`, customerRoutes(deps));
  app.route(`${API_BASE_PATH}/jobs`, jobRoutes(deps));
  app.route(`${API_BASE_PATH}/locations`, locationRoutes(deps));

  app.use(`${ADMIN_BASE_PATH}/*`, authenticate(deps), readBody(deps));
  app.route(ADMIN_BASE_PATH, adminRoutes(deps));

  return app;
}
