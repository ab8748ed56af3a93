/**
 * The sandbox CRM for the bench, in a process of its own (as in production,
 * where the CRM is elsewhere): timing the dashboard and the direct calls from
 * the bench process must not share an event loop with the CRM.
 *
 * Talks to the bench over IPC: "ready" once seeded and listening, and answers
 * "usage" with the company's request count, which is how the bench counts
 * what the dashboard asked of the CRM (the sandbox counts every request per
 * key, as the real CRM does for its quota).
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../sandbox/src/db/database";
import { startSandbox } from "../sandbox/src/server";
import type { SandboxReady, SandboxRequest, SandboxUsage } from "./sandbox-messages";

const port = Number(process.env.BENCH_SANDBOX_PORT);
const apiKey = process.env.BENCH_SANDBOX_API_KEY ?? "";
const customers = Number(process.env.BENCH_SANDBOX_CUSTOMERS);
const jobs = Number(process.env.BENCH_SANDBOX_JOBS);
/** Technicians the company has at least (the seed makes a few; the week view's part wants more). */
const technicians = Number(process.env.BENCH_SANDBOX_TECHNICIANS ?? "0");
/** Far beyond a run's requests: the quota must never answer in place of the query. */
const QUOTA = 100_000_000;

async function main(): Promise<void> {
  if (!process.send) throw new Error("bench/sandbox-process.ts is started by bench/run.ts, with an IPC channel");
  const started = performance.now();
  const sandbox = await startSandbox({
    port,
    hostname: "127.0.0.1",
    apiKeys: [apiKey],
    storage: { kind: "memory" },
    seed: { customers, jobs, seed: 1 },
    monthlyQuota: QUOTA,
  });
  const company = sandbox.companies[0];
  if (!company) throw new Error("the sandbox started without a company");
  const technicianIds = await ensureTechnicians(sandbox.db, company.uuid, technicians);

  process.on("message", (message: SandboxRequest) => {
    if (message.type === "usage") {
      // Summed over months: a run that crosses midnight at the month's end still counts every request.
      sandbox.db
        .query<{ used: number | string }>("select coalesce(sum(request_count), 0) as used from usage_counters where company_uuid = $1", [company.uuid])
        .then(
          ({ rows }) => process.send?.({ type: "usage", id: message.id, used: Number(rows[0]?.used ?? 0) } satisfies SandboxUsage),
          (error: unknown) => process.send?.({ type: "usage", id: message.id, used: -1, error: String(error) } satisfies SandboxUsage),
        );
    } else if (message.type === "stop") {
      void stop();
    }
  });

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await sandbox.close().catch(() => undefined);
    process.exit(0);
  }
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  // The bench went away without saying so (killed): do not linger.
  process.on("disconnect", () => void stop());

  process.send({ type: "ready", apiUrl: sandbox.apiUrl, seeded: company.seeded, technicianIds, startMs: performance.now() - started } satisfies SandboxReady);
}

/** Adds technicians (users, as the CRM's own app would) until the company has `count`; and all their ids. */
async function ensureTechnicians(db: Queryable, companyUuid: string, count: number): Promise<string[]> {
  const list = async () =>
    (await db.query<{ id: string }>("select id from users where company_uuid = $1 and role = 'technician' order by id", [companyUuid])).rows.map(
      (row) => row.id,
    );
  const existing = await list();
  for (let index = existing.length; index < count; index += 1) {
    await db.query("insert into users (id, company_uuid, first_name, last_name, role) values ($1, $2, $3, $4, 'technician')", [
      randomUUID(),
      companyUuid,
      `Tech${index + 1}`,
      `Bench${String.fromCharCode(65 + (index % 26))}`,
    ]);
  }
  return list();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
