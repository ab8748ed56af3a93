import { ConfigError, DEMO_API_KEY, loadConfig, type SandboxConfig } from "./config";
import type { DatabaseLocation } from "./db/database";
import { describeFaults } from "./faults/fault-settings";
import { startSandbox, type Sandbox } from "./server";
import { storeCounts } from "./store-counts";

/** `npm run sandbox`: the CRM sandbox from environment settings, until Ctrl-C. */
async function main(): Promise<void> {
  let config: SandboxConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ ...config, hostname: "127.0.0.1" });
  } catch (error) {
    console.error(`Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(await banner(sandbox, config));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Sandbox did not close cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function banner(sandbox: Sandbox, config: SandboxConfig): Promise<string> {
  const counts = await storeCounts(sandbox.db);
  const seededNow = sandbox.companies.some((company) => company.seeded.customers > 0 || company.seeded.jobs > 0);
  const keys = sandbox.companies.map((company) => `${company.apiKey}  (${company.name})${company.apiKey === DEMO_API_KEY ? "  [documented demo key]" : ""}`);
  return [
    "",
    "Custom Trades CRM sandbox",
    `  API base URL   ${sandbox.apiUrl}`,
    `  API key${keys.length > 1 ? "s" : " "}       ${keys.join("\n                 ")}`,
    `  Data           ${describeStorage(config.storage)}`,
    `  Records        ${counts.customers} customers (${counts.deletedCustomers} deleted), ${counts.jobs} jobs (${counts.deletedJobs} deleted), ${counts.locations} locations, ${counts.users} technicians${seededNow ? "  (demo data seeded now)" : ""}`,
    `  Quota          ${config.monthlyQuota} requests per company per month`,
    `  Faults         ${describeFaults(config.faults)}`,
    `  Docs mode      ${config.strictDocs ? "strict: the CRM's docs to the letter (SANDBOX_STRICT_DOCS=1)" : "full: every field in every answer"}`,
    `  Test controls  GET/PUT ${sandbox.url}/__sandbox/faults, POST ${sandbox.url}/__sandbox/reset-usage`,
    "",
    `Try: curl -H "Authorization: Bearer ${sandbox.apiKeys[0] ?? DEMO_API_KEY}" ${sandbox.apiUrl}/customers?limit=2`,
    "",
  ].join("\n");
}

function describeStorage(storage: DatabaseLocation): string {
  const buffers = storage.kind !== "postgres" && storage.sharedBuffers ? `, shared_buffers ${storage.sharedBuffers}` : "";
  if (storage.kind === "memory") return `in memory (lost on exit)${buffers}`;
  if (storage.kind === "directory") return `PGlite in ${storage.path}${buffers}`;
  // Never print the password part of the URL.
  return `Postgres at ${storage.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`;
}

void main();
