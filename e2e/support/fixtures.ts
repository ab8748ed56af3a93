import { test as base, type APIRequestContext, type WorkerFixture } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import {
  clearSandboxFaults,
  crmDelete,
  crmGet,
  crmPost,
  crmPut,
  crmTotal,
  resetSandboxUsage,
  sandboxUsage,
  setSandboxAccess,
  setSandboxFaults,
  setSandboxUsage,
} from "./crm";
import { dashboardApi } from "./dashboard-api";

/**
 * What specs import `test` and `expect` from: Playwright's, plus the clients a
 * spec needs beyond its browser page, as fixture parameters. Each signed-in
 * API client is made once per worker from the sign-in state global-setup.ts
 * stored for its role, and disposed when the worker ends; specs take them in
 * tests and in `test.beforeAll(async ({ staffApi }) => …)` alike.
 */

/** Direct calls to the sandbox CRM (e2e/support/crm.ts): arranging data, faults, usage and access, and reading the CRM's own answer. */
export const sandboxClient = {
  get: crmGet,
  post: crmPost,
  put: crmPut,
  delete: crmDelete,
  total: crmTotal,
  setFaults: setSandboxFaults,
  clearFaults: clearSandboxFaults,
  setUsage: setSandboxUsage,
  usage: sandboxUsage,
  resetUsage: resetSandboxUsage,
  setAccess: setSandboxAccess,
};

export type Sandbox = typeof sandboxClient;

export interface WorkerClients {
  /** The dashboard's API as the staff account's browser. */
  staffApi: APIRequestContext;
  /** The dashboard's API as the admin's browser. */
  adminApi: APIRequestContext;
  /** The dashboard's API as the viewer's browser. */
  viewerApi: APIRequestContext;
  sandbox: Sandbox;
}

function roleApiFixture(role: Role): [WorkerFixture<APIRequestContext, object>, { scope: "worker" }] {
  return [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
    async ({}, use) => {
      const api = await dashboardApi(role);
      await use(api);
      await api.dispose();
    },
    { scope: "worker" },
  ];
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no test-scoped fixtures of our own
export const test = base.extend<{}, WorkerClients>({
  staffApi: roleApiFixture("staff"),
  adminApi: roleApiFixture("admin"),
  viewerApi: roleApiFixture("viewer"),
  // The sandbox client holds no connection, so there is nothing to close.
  sandbox: [async ({}, use) => use(sandboxClient), { scope: "worker" }],
});

export { expect } from "@playwright/test";
