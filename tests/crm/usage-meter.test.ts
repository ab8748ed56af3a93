import { describe, expect, it } from "vitest";

/**
 * The usage meter counts CRM requests in memory and writes them once a
 * second (ADR-024); its report counts the unwritten ones too, so nothing
 * reads low in the meantime. The clean stop: usage-meter-stop.test.ts.
 */
process.env.APP_DATA_DIR = "memory";
process.env.LOG_LEVEL = "silent";
// The report compares with the plan; no CRM is asked.
process.env.CRM_BASE_URL = "http://127.0.0.1:9/api/v1";
process.env.CRM_API_KEY = "unused";

const { countCrmRequest, flushUsage, usageMonth, usageReport, USAGE_FLUSH_MS } = await import("@/lib/crm/usage-meter.server");
const { appDatabase } = await import("@/lib/db/app-database.server");

async function stored(month: string): Promise<number> {
  const { db } = await appDatabase();
  const row = await db.selectFrom("crm_usage").select("request_count").where("month", "=", month).executeTakeFirst();
  return row?.request_count ?? 0;
}

describe("the usage meter", () => {
  it("keeps counts in memory, reports them at once, and writes them within a second", async () => {
    const month = usageMonth(new Date());
    const before = await stored(month);
    for (let index = 0; index < 3; index += 1) countCrmRequest();
    expect(await stored(month)).toBe(before);
    expect((await usageReport()).used).toBe(before + 3);

    await new Promise((resolve) => setTimeout(resolve, USAGE_FLUSH_MS + 500));
    expect(await stored(month)).toBe(before + 3);
    expect((await usageReport()).used).toBe(before + 3);
  });

  it("counts each request in the month it was made, and a flush writes every month's", async () => {
    countCrmRequest(new Date("2026-01-31T23:59:59Z"), 2);
    countCrmRequest(new Date("2026-02-01T00:00:00Z"));
    await flushUsage();
    expect(await stored("2026-01")).toBe(2);
    expect(await stored("2026-02")).toBe(1);
    // A second flush with nothing new writes nothing.
    await flushUsage();
    expect(await stored("2026-01")).toBe(2);
  });
});
