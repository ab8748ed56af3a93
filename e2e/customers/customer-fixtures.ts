import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { newIdempotencyKey } from "../support/dashboard-api";
import type { Sandbox } from "../support/fixtures";

/**
 * Records for the customer screens' tests. Every test makes its own, with
 * random letters in the names (last names can't contain digits) and a random
 * phone number, so tests don't depend on each other or on the seed and can
 * run again against the same sandbox.
 */
export function letters(count: number): string {
  let text = "";
  while (text.length < count)
    text += Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "");
  return text.slice(0, count);
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A last name no other record has: "Zed" + 8 random letters. */
export const uniqueLastName = () => `Zed${letters(8)}`;

/** A random US number (area code and exchange starting 2-9), as the CRM stores it. */
export function randomPhone(): string {
  const digit = (min = 0) => String(min + Math.floor(Math.random() * (10 - min)));
  return `${digit(2)}${digit()}${digit()}-${digit(2)}${digit()}${digit()}-${digit()}${digit()}${digit()}${digit()}`;
}

export interface TestCustomer {
  uuid: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  company_name: string | null;
  notes: string | null;
  is_vip: boolean;
  updated_at: string;
  deleted_at: string | null;
}

/** Created through the dashboard's API (as the staff account), which also refreshes its shared cache. */
export async function createCustomer(api: APIRequestContext, fields: Record<string, unknown> = {}): Promise<TestCustomer> {
  const lastName = uniqueLastName();
  const response = await api.post("/api/customers", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: {
      first_name: capitalized(letters(6)),
      last_name: lastName,
      phone: randomPhone(),
      email: `${lastName.toLowerCase()}@example.com`,
      physical_address1: "12 Pine St",
      physical_city: "Seattle",
      physical_state: "WA",
      physical_zip: "98101",
      billing_same_as_physical: true,
      ...fields,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data as TestCustomer;
}

/** An open job for the customer, created through the dashboard's API (the mirror has it at once, ADR-018). */
export async function createOpenJobHere(api: APIRequestContext, customerUuid: string, title = `Leaking water heater ${letters(5)}`) {
  const response = await api.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: { customer_uuid: customerUuid, title, status: "Scheduled", scheduled_date: "2031-05-01" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data as { uuid: string; title: string; job_number: string };
}

/** An open job for the customer, straight in the CRM. */
export function createOpenJob(sandbox: Sandbox, customerUuid: string, title = `Leaking water heater ${letters(5)}`) {
  return sandbox.post<{ uuid: string; title: string; job_number: string }>("/jobs", {
    customer_uuid: customerUuid,
    title,
    status: "Scheduled",
    scheduled_date: "2031-05-01",
  });
}

export const fullName = (customer: TestCustomer) => `${customer.first_name} ${customer.last_name}`;

/** Reads a downloaded CSV into rows of cells (RFC 4180 quoting), checking the UTF-8 byte-order mark on the way. */
export function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), "the file starts with a UTF-8 byte-order mark").toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 1; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 1;
    } else cell += char;
  }
  return rows;
}

/** Counts the browser's requests to a dashboard API path while `action` runs. */
export async function countRequests(page: Page, path: string, action: () => Promise<void>): Promise<number> {
  let count = 0;
  const listener = (request: { url: () => string }) => {
    if (new URL(request.url()).pathname === path) count += 1;
  };
  page.on("request", listener);
  try {
    await action();
  } finally {
    page.off("request", listener);
  }
  return count;
}
