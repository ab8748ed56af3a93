import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Sandbox } from "../support/fixtures";

/**
 * Records for the job tests, made straight in the sandbox CRM (the `sandbox`
 * fixture, passed in) with unique titles, so every test finds its own jobs
 * (filtered by search) whatever the seed data or earlier runs left behind.
 */
export interface TestCustomer {
  uuid: string;
  first_name: string;
  last_name: string;
}

export interface TestJob {
  uuid: string;
  job_number: string;
  title: string;
  status: string;
  updated_at: string;
  deleted_at: string | null;
}

export function uniqueTitle(what: string): string {
  return `${what} ${randomUUID().slice(0, 8)}`;
}

/** Created, then given an address by an update: the CRM's create does not list address parameters (CRM-API 000), its update takes every field. */
export async function createTestCustomer(sandbox: Sandbox, lastName = "Testerson"): Promise<TestCustomer> {
  const created = await sandbox.post<TestCustomer>("/customers", { first_name: "Jobby", last_name: lastName, phone: "206-555-0142" });
  return sandbox.put<TestCustomer>(`/customers/${created.uuid}`, {
    physical_address1: "400 Pine St",
    physical_city: "Seattle",
    physical_state: "WA",
    physical_zip: "98101",
  });
}

export async function createTestJob(sandbox: Sandbox, customer: TestCustomer, fields: Record<string, unknown> = {}): Promise<TestJob> {
  return sandbox.post<TestJob>("/jobs", { customer_uuid: customer.uuid, title: uniqueTitle("Test job"), ...fields });
}

export const crmJob = (sandbox: Sandbox, uuid: string) => sandbox.get<TestJob>(`/jobs/${uuid}?include_deleted=true`);

/** The viewer's calendar day, as the dashboard's browser computes it (same machine, same zone). */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Fails on serious or critical accessibility problems, naming each. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Records the browser's calls to the dashboard's job API, to assert what was (not) sent. */
export function recordJobApiCalls(page: Page): Array<{ method: string; url: string }> {
  const calls: Array<{ method: string; url: string }> = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/jobs")) calls.push({ method: request.method(), url: `${url.pathname}${url.search}` });
  });
  return calls;
}
