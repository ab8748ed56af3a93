import "server-only";
import { randomUUID } from "node:crypto";
import type { CrmCheckReport, ProbeResult } from "@/lib/crm/compat/crm-check-types";

/**
 * `npm run crm:check`: what the configured CRM really does, assumption by
 * assumption, against what the dashboard was built for (docs/crm-api and
 * ADR-019). Read-only unless asked to write; then it creates a customer and a
 * job named "Tradesdesk self-check" and deletes both at the end. Raw HTTP on
 * purpose: the check must see answers the dashboard's client would refuse or
 * smooth over. An answer that is not the CRM's (HTML from a proxy, not JSON,
 * no envelope) is reported on its probe, and the check goes on.
 */
export type { CrmCheckReport, ProbeOutcome, ProbeResult } from "@/lib/crm/compat/crm-check-types";

/** Requests each part spends at most (a probe with nothing to look at spends less). */
export const READ_REQUESTS = 11;
export const WRITE_REQUESTS = 10;
export const requestsFor = (write: boolean) => READ_REQUESTS + (write ? WRITE_REQUESTS : 0);

export const SELF_CHECK_NAME = "Tradesdesk self-check";

interface Answer {
  status: number;
  ok: boolean;
  data: Record<string, unknown> | null;
  error: string | null;
  replayed: boolean;
}

class UnexpectedAnswer extends Error {}

function client(baseUrl: string, apiKey: string, timeoutMs: number, spent: { count: number }) {
  return async (method: string, path: string, options: { body?: unknown; key?: string; idempotencyKey?: string } = {}): Promise<Answer> => {
    spent.count += 1;
    const headers: Record<string, string> = { Authorization: `Bearer ${options.key ?? apiKey}`, Accept: "application/json" };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new UnexpectedAnswer(
        `the CRM answered with something unexpected (HTTP ${response.status}, ${response.headers.get("content-type") ?? "no type"}, not JSON)`,
      );
    }
    if (typeof body !== "object" || body === null || typeof (body as { success?: unknown }).success !== "boolean") {
      throw new UnexpectedAnswer(`the CRM answered with something unexpected (HTTP ${response.status}, JSON without the success envelope)`);
    }
    const envelope = body as { success: boolean; data?: unknown; error?: unknown };
    return {
      status: response.status,
      ok: envelope.success && response.ok,
      data: typeof envelope.data === "object" && envelope.data !== null ? (envelope.data as Record<string, unknown>) : null,
      error: typeof envelope.error === "string" ? envelope.error : null,
      replayed: response.headers.get("idempotent-replayed") === "true",
    };
  };
}

type Send = ReturnType<typeof client>;
type Probe = (send: Send, state: State) => Promise<Omit<ProbeResult, "assumption" | "handling">>;
interface State {
  customers?: Array<Record<string, unknown>>;
  jobs?: Array<Record<string, unknown>>;
  customerTotal?: number;
  customerUuid?: string;
  jobUuid?: string;
  createKey?: string;
  createBody?: Record<string, unknown>;
}

const pagination = (answer: Answer) => (answer.data?.pagination ?? {}) as { page?: number; limit?: number; total?: number; total_pages?: number };
const listOf = (answer: Answer, name: string) => (Array.isArray(answer.data?.[name]) ? (answer.data[name] as Array<Record<string, unknown>>) : []);
const missing = (record: Record<string, unknown> | undefined, fields: readonly string[]) =>
  fields.filter((field) => record === undefined || !(field in record));
const ok = (observed: string) => ({ outcome: "as assumed" as const, observed });
const differs = (observed: string) => ({ outcome: "differs" as const, observed });

const CUSTOMER_FIELDS = ["created_at", "updated_at", "company_name", "physical_address1", "billing_address1", "notes", "deleted_at"];
const JOB_FIELDS = ["customer_uuid", "is_urgent", "is_emergency", "service_address1", "estimated_amount", "created_at", "updated_at", "deleted_at"];

const READ_PROBES: Array<{ assumption: string; handling: string; run: Probe }> = [
  {
    assumption: "The API key is accepted (Bearer) and answers use the {success, data} envelope",
    handling: "Every request; a refused key is 502 crm_misconfigured and an administrator is told",
    run: async (send, state) => {
      const answer = await send("GET", "/customers?limit=2");
      if (!answer.ok) return differs(`HTTP ${answer.status}: ${answer.error ?? "no message"}`);
      state.customers = listOf(answer, "customers");
      state.customerTotal = pagination(answer).total;
      return ok(`HTTP 200 with success: true and data.customers (${state.customers.length} on the page)`);
    },
  },
  {
    assumption: "A wrong key is a 401 with {success: false, error}",
    handling: "Refused keys are not retried; the message names CRM_API_KEY",
    run: async (send) => {
      const answer = await send("GET", "/customers?limit=1", { key: `ctc_wrong_${randomUUID()}` });
      return answer.status === 401 && answer.error ? ok(`401 "${answer.error}"`) : differs(`HTTP ${answer.status}`);
    },
  },
  {
    assumption: "An unknown record is a 404 with the error envelope",
    handling: "Shown as 'no such record; it may have been deleted'",
    run: async (send) => {
      const answer = await send("GET", `/customers/${randomUUID()}`);
      return answer.status === 404 ? ok(`404 "${answer.error ?? ""}"`) : differs(`HTTP ${answer.status}`);
    },
  },
  {
    assumption: "Pagination: page, limit, total, total_pages; a page past the end is empty with the same total",
    handling: "Tables page with these totals; CSV export and the trash scan read page after page",
    run: async (send, state) => {
      const total = state.customerTotal ?? 0;
      const past = Math.ceil(total / 2) + 1;
      const answer = await send("GET", `/customers?limit=2&page=${past}`);
      const page = pagination(answer);
      const empty = listOf(answer, "customers").length === 0;
      const good = answer.ok && empty && page.total === total && page.page === past && page.limit === 2 && page.total_pages === Math.ceil(total / 2);
      return good
        ? ok(`page ${past} of ${page.total_pages ?? "?"}: empty, total ${total}`)
        : differs(`HTTP ${answer.status}, ${JSON.stringify(page)}, ${empty ? "empty" : "not empty"}`);
    },
  },
  {
    assumption: "include_deleted=true lists active and deleted records together",
    handling: "The trash and restore read deleted records this way",
    run: async (send, state) => {
      const answer = await send("GET", "/customers?limit=1&include_deleted=true");
      const total = pagination(answer).total ?? -1;
      return answer.ok && total >= (state.customerTotal ?? 0)
        ? ok(`${total} with deleted, ${state.customerTotal ?? 0} without`)
        : differs(`HTTP ${answer.status}, total ${total}`);
    },
  },
  {
    assumption: "Search by phone digits finds a customer whose phone is written 206-555-1234",
    handling: "The caller lookup searches by digits",
    run: async (send, state) => {
      const withPhone = state.customers?.find((customer) => typeof customer.phone === "string" && /\d/.test(customer.phone));
      if (!withPhone) return { outcome: "not checked", observed: "no customer with a phone on the first page" };
      const digits = String(withPhone.phone).replace(/\D/g, "");
      const answer = await send("GET", `/customers?limit=5&search=${digits}`);
      return listOf(answer, "customers").some((customer) => customer.uuid === withPhone.uuid) ? ok(`found by ${digits}`) : differs(`not found by ${digits}`);
    },
  },
  {
    assumption: "Customer list items carry every field of the Customer object",
    handling: "Missing fields read as unknown (ADR-019); a list is never failed by a short item",
    run: async (_send, state) => {
      const gone = missing(state.customers?.[0], CUSTOMER_FIELDS);
      if (!state.customers?.length) return { outcome: "not checked", observed: "no customers" };
      return gone.length ? differs(`list items leave out ${gone.join(", ")}`) : ok("every field present");
    },
  },
  {
    assumption: "Job list items carry every field and embed {uuid, first_name, last_name} of the customer",
    handling: "Missing fields read as unknown; the job page reads the job whole",
    run: async (send, state) => {
      const answer = await send("GET", "/jobs?limit=2");
      state.jobs = listOf(answer, "jobs");
      if (!answer.ok) return differs(`HTTP ${answer.status}`);
      const first = state.jobs[0];
      if (!first) return { outcome: "not checked", observed: "no jobs" };
      const gone = missing(first, JOB_FIELDS);
      const embed = first.customer as Record<string, unknown> | undefined;
      const date = typeof first.scheduled_date === "string" ? `; scheduled_date like ${first.scheduled_date}` : "";
      const embedText = embed ? `customer embed has ${Object.keys(embed).length} fields` : "no customer embed";
      return gone.length || !embed ? differs(`${gone.length ? `leave out ${gone.join(", ")}; ` : ""}${embedText}${date}`) : ok(`${embedText}${date}`);
    },
  },
  {
    assumption: "A comma-separated status list filters by any of them",
    handling: "The board, the overview and 'open jobs' ask for several statuses in one request",
    run: async (send) => {
      const totals = [];
      for (const status of ["New", "Scheduled", "New,Scheduled"])
        totals.push(pagination(await send("GET", `/jobs?limit=1&status=${encodeURIComponent(status)}`)).total ?? -1);
      const [a = -1, b = -1, both = -2] = totals;
      return a + b === both ? ok(`New ${a} + Scheduled ${b} = ${both}`) : differs(`New ${a}, Scheduled ${b}, both ${both}`);
    },
  },
  {
    assumption: "A job's get embeds the full customer",
    handling: "The job page shows the customer's phone and address from it; a short embed reads them as unknown",
    run: async (send, state) => {
      const uuid = state.jobs?.[0]?.uuid;
      if (typeof uuid !== "string") return { outcome: "not checked", observed: "no jobs" };
      const answer = await send("GET", `/jobs/${uuid}`);
      const embed = answer.data?.customer as Record<string, unknown> | undefined;
      return embed && "phone" in embed
        ? ok("full customer embedded")
        : differs(embed ? `customer embed has only ${Object.keys(embed).join(", ")}` : "no customer embedded");
    },
  },
];

const CREATE_CUSTOMER = {
  first_name: "Tradesdesk",
  last_name: "Self-check",
  company_name: SELF_CHECK_NAME,
  phone: "206-555-0199",
  email: "self-check@example.com",
  physical_address1: "1 Check St",
  physical_city: "Seattle",
  physical_state: "WA",
  physical_zip: "98101",
  billing_address1: "1 Check St",
  billing_city: "Seattle",
  billing_state: "WA",
  billing_zip: "98101",
  notes: "Created by npm run crm:check; deleted at its end.",
};

const WRITE_PROBES: Array<{ assumption: string; handling: string; run: Probe }> = [
  {
    assumption: "Customer create keeps every field sent, addresses included",
    handling: "Fields not kept are sent once more by update; any still not kept are named to the person (ADR-019)",
    run: async (send, state) => {
      state.createKey = `td-self-check-${randomUUID()}`;
      state.createBody = CREATE_CUSTOMER;
      const answer = await send("POST", "/customers", { body: CREATE_CUSTOMER, idempotencyKey: state.createKey });
      if (!answer.ok || typeof answer.data?.uuid !== "string") return differs(`HTTP ${answer.status}: ${answer.error ?? ""}`);
      state.customerUuid = answer.data.uuid;
      const dropped = Object.entries(CREATE_CUSTOMER)
        .filter(([field, value]) => answer.data?.[field] !== value)
        .map(([field]) => field);
      return dropped.length ? differs(`not kept: ${dropped.join(", ")}`) : ok("every field kept");
    },
  },
  {
    assumption: "The same Idempotency-Key replays the first answer with Idempotent-Replayed: true",
    handling: "Every change carries a key per Save; a retry never acts twice",
    run: async (send, state) => {
      if (!state.createKey) return { outcome: "not checked", observed: "the customer was not created" };
      const answer = await send("POST", "/customers", { body: state.createBody, idempotencyKey: state.createKey });
      const same = answer.data?.uuid === state.customerUuid;
      return same && answer.replayed
        ? ok("same record, header set")
        : differs(`${same ? "same record" : "a second record"}, header ${answer.replayed ? "set" : "absent"}`);
    },
  },
  {
    assumption: "Job create keeps every field sent: service address, actual amount, a timestamp scheduled_date",
    handling: "Fields not kept are sent once more by update; scheduled_date is sent as noon UTC of the day",
    run: async (send, state) => {
      if (!state.customerUuid) return { outcome: "not checked", observed: "the customer was not created" };
      const body = {
        customer_uuid: state.customerUuid,
        title: SELF_CHECK_NAME,
        service_address1: "2 Check Ave",
        service_city: "Seattle",
        actual_amount: 150,
        scheduled_date: "2031-05-01T12:00:00.000Z",
      };
      const answer = await send("POST", "/jobs", { body, idempotencyKey: `td-self-check-${randomUUID()}` });
      if (!answer.ok || typeof answer.data?.uuid !== "string") return differs(`HTTP ${answer.status}: ${answer.error ?? ""}`);
      state.jobUuid = answer.data.uuid;
      const dropped = Object.entries(body)
        .filter(([field, value]) =>
          field === "scheduled_date" ? String(answer.data?.[field] ?? "").slice(0, 10) !== "2031-05-01" : answer.data?.[field] !== value,
        )
        .map(([field]) => field);
      return dropped.length ? differs(`not kept: ${dropped.join(", ")}`) : ok("every field kept");
    },
  },
  {
    assumption: "Update keeps the fields create may ignore",
    handling: "The follow-up update relies on it",
    run: async (send, state) => {
      if (!state.customerUuid) return { outcome: "not checked", observed: "the customer was not created" };
      const answer = await send("PUT", `/customers/${state.customerUuid}`, {
        body: { physical_address1: "3 Check St" },
        idempotencyKey: `td-self-check-${randomUUID()}`,
      });
      return answer.data?.physical_address1 === "3 Check St" ? ok("kept") : differs(`HTTP ${answer.status}, not kept`);
    },
  },
  {
    assumption: "A date alone (YYYY-MM-DD) is accepted as scheduled_date",
    handling: "Not relied on: the dashboard sends a timestamp",
    run: async (send, state) => {
      if (!state.jobUuid) return { outcome: "not checked", observed: "the job was not created" };
      const answer = await send("PUT", `/jobs/${state.jobUuid}`, { body: { scheduled_date: "2031-05-02" }, idempotencyKey: `td-self-check-${randomUUID()}` });
      return answer.ok ? ok(`accepted, answered ${String(answer.data?.scheduled_date)}`) : differs(`refused: HTTP ${answer.status} "${answer.error ?? ""}"`);
    },
  },
  {
    assumption: "An update with an older updated_at is refused with 409 (a stale-update check)",
    handling: "Not relied on: the dashboard compares updated_at itself before each edit (one round trip of exposure)",
    run: async (send, state) => {
      if (!state.customerUuid) return { outcome: "not checked", observed: "the customer was not created" };
      const answer = await send("PUT", `/customers/${state.customerUuid}`, {
        body: { notes: "stale", updated_at: "2000-01-01T00:00:00.000Z" },
        idempotencyKey: `td-self-check-${randomUUID()}`,
      });
      return answer.status === 409 ? ok("409") : differs(`no stale-update check (HTTP ${answer.status})`);
    },
  },
  {
    assumption: 'Delete, then PUT {"deleted_at": null} restores the record',
    handling: "Restore from the trash uses it (CRM-API decision 7)",
    run: async (send, state) => {
      if (!state.jobUuid) return { outcome: "not checked", observed: "the job was not created" };
      const deleted = await send("DELETE", `/jobs/${state.jobUuid}`, { idempotencyKey: `td-self-check-${randomUUID()}` });
      const restored = await send("PUT", `/jobs/${state.jobUuid}`, { body: { deleted_at: null }, idempotencyKey: `td-self-check-${randomUUID()}` });
      return deleted.ok && restored.ok && restored.data?.deleted_at === null
        ? ok("deleted, then restored")
        : differs(`delete HTTP ${deleted.status}, restore HTTP ${restored.status} "${restored.error ?? ""}"`);
    },
  },
  {
    assumption: "The self-check's records are deleted at the end",
    handling: "They stay in the CRM's trash like any deleted record",
    run: async (send, state) => {
      const results = [];
      if (state.jobUuid) results.push((await send("DELETE", `/jobs/${state.jobUuid}`, { idempotencyKey: `td-self-check-${randomUUID()}` })).status);
      if (state.customerUuid)
        results.push((await send("DELETE", `/customers/${state.customerUuid}`, { idempotencyKey: `td-self-check-${randomUUID()}` })).status);
      return results.every((status) => status === 200) ? ok(`${results.length} deleted`) : differs(`HTTP ${results.join(", ")}`);
    },
  },
];

export async function runCrmCheck(options: { baseUrl: string; apiKey: string; write: boolean; timeoutMs?: number }): Promise<CrmCheckReport> {
  const spent = { count: 0 };
  const send = client(options.baseUrl.replace(/\/$/, ""), options.apiKey, options.timeoutMs ?? 8_000, spent);
  const state: State = {};
  const startedAt = new Date().toISOString();
  const results: ProbeResult[] = [];
  for (const probe of [...READ_PROBES, ...(options.write ? WRITE_PROBES : [])]) {
    try {
      results.push({ assumption: probe.assumption, handling: probe.handling, ...(await probe.run(send, state)) });
    } catch (error) {
      const observed =
        error instanceof UnexpectedAnswer
          ? error.message
          : error instanceof DOMException && error.name === "TimeoutError"
            ? "no answer in time"
            : "the CRM could not be reached";
      results.push({ assumption: probe.assumption, handling: probe.handling, outcome: "failed", observed });
    }
  }
  return {
    target: new URL(options.baseUrl).host,
    write: options.write,
    startedAt,
    finishedAt: new Date().toISOString(),
    requestsPlanned: requestsFor(options.write),
    requestsSpent: spent.count,
    results,
  };
}

/** The report as a Markdown table (the script prints it; docs/crm-compatibility.md keeps one per sandbox mode). */
export function reportTable(report: CrmCheckReport): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = report.results.map((result) => `| ${cell(result.assumption)} | ${result.outcome}: ${cell(result.observed)} | ${cell(result.handling)} |`);
  return ["| assumption | what the CRM did | what the dashboard does about it |", "| --- | --- | --- |", ...rows].join("\n");
}
