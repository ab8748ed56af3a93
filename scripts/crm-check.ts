/**
 * `npm run crm:check [-- --write] [-- --sandbox[=strict]]`: the CRM self-check
 * (lib/crm/compat/crm-check.server.ts) against the configured CRM: CRM_BASE_URL
 * and CRM_API_KEY, else the local sandbox `npm start` runs (SANDBOX_PORT, its
 * first key). `--sandbox` starts an in-memory sandbox of its own for the run
 * (`--sandbox=strict` with SANDBOX_STRICT_DOCS behaviour). It says first how
 * many requests it will spend, then prints its table. Exits 1 when a probe
 * failed (no answer, or an answer that is not the CRM's), 0 otherwise: a CRM
 * that differs is reported, not an error. Against the dashboard's own CRM (not
 * --sandbox) the result is kept in the app database for the CRM compatibility
 * page (/admin/crm), as a run from that page is.
 */
import { requestsFor, reportTable, runCrmCheck, type CrmCheckReport } from "@/lib/crm/compat/crm-check.server";

const args = process.argv.slice(2);
const write = args.includes("--write");
const sandboxArg = args.find((arg) => arg.startsWith("--sandbox"));
const unknown = args.filter((arg) => arg !== "--write" && !arg.startsWith("--sandbox"));
if (unknown.length || (sandboxArg && !["--sandbox", "--sandbox=strict", "--sandbox=full"].includes(sandboxArg))) {
  console.error(`Unknown option ${unknown[0] ?? sandboxArg}. Use --write and --sandbox[=strict|full].`);
  process.exit(2);
}

async function main() {
  let close: (() => Promise<void>) | null = null;
  let baseUrl = process.env.CRM_BASE_URL;
  let apiKey = process.env.CRM_API_KEY;
  let where: string;
  if (sandboxArg) {
    const { startSandbox } = await import("@/sandbox/src/server");
    const strictDocs = sandboxArg === "--sandbox=strict";
    const sandbox = await startSandbox({ storage: { kind: "memory" }, seed: { customers: 20, jobs: 40, seed: 1 }, strictDocs });
    close = () => sandbox.close();
    baseUrl = sandbox.apiUrl;
    apiKey = sandbox.apiKeys[0];
    where = `an in-memory sandbox${strictDocs ? " with SANDBOX_STRICT_DOCS=1" : ""}`;
  } else if (baseUrl) {
    if (!apiKey) {
      console.error("CRM_BASE_URL is set without CRM_API_KEY.");
      process.exit(2);
    }
    where = new URL(baseUrl).host;
  } else {
    baseUrl = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? "4010"}/api/v1`;
    apiKey = (process.env.SANDBOX_API_KEYS ?? "ctc_sandbox_demo_key").split(",")[0]?.trim();
    where = `the local sandbox at ${baseUrl} (start it with npm start or npm run sandbox)`;
  }
  console.log(`CRM self-check against ${where}, ${write ? "reading and writing" : "read-only"}.`);
  console.log(`It will spend at most ${requestsFor(write)} requests of the plan's monthly allowance.\n`);
  try {
    const report = await runCrmCheck({ baseUrl, apiKey: apiKey ?? "", write });
    console.log(reportTable(report));
    console.log(`\n${report.requestsSpent} requests spent.`);
    if (!sandboxArg) console.log(await keep(report, baseUrl));
    process.exitCode = report.results.some((result) => result.outcome === "failed") ? 1 : 0;
  } finally {
    await close?.();
  }
}

/**
 * Stores the result as the last check. The embedded database (PGlite, no
 * DATABASE_URL) may have one opener only: while the dashboard answers on its
 * address the script leaves it alone and says where to run the check instead.
 */
async function keep(report: CrmCheckReport, baseUrl: string): Promise<string> {
  process.env.LOG_LEVEL ??= "error";
  try {
    if (!process.env.DATABASE_URL) {
      const app = process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
      const running = await fetch(`${app.replace(/\/+$/, "")}/api/health`, { signal: AbortSignal.timeout(1_500) }).then(
        () => true,
        () => false,
      );
      if (running)
        return `Not kept for the CRM compatibility page: the dashboard is running on its embedded database, which one process may open at a time. Run the check from ${app}/admin/crm instead.`;
    }
    const { recordCrmCheck } = await import("@/lib/crm/compat/crm-check-store.server");
    const { appDatabase } = await import("@/lib/db/app-database.server");
    await recordCrmCheck(report, { baseUrl, ranBy: "npm run crm:check" });
    await (await appDatabase()).db.destroy();
    return "Kept as the last check on the CRM compatibility page (/admin/crm).";
  } catch (error) {
    return `Not kept for the CRM compatibility page: ${error instanceof Error ? error.message : String(error)}`;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
