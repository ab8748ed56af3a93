import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { assertLoopbackCrmUrl, checkCrmTarget, ExternalCrmRefusedError, isLoopbackHost } from "../../bench/local-crm-guard";

/**
 * The bench must never spend a real company's CRM quota: pointed anywhere but
 * this machine, it refuses before it builds or starts anything.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const REAL_CRM = "https://customtradescrm.com/api/v1";

describe("checkCrmTarget", () => {
  it("refuses a CRM_BASE_URL on another host, naming the quota", () => {
    expect(() => checkCrmTarget({ CRM_BASE_URL: REAL_CRM }, [])).toThrow(ExternalCrmRefusedError);
    expect(() => checkCrmTarget({ CRM_BASE_URL: REAL_CRM }, [])).toThrow(/customtradescrm\.com.*\n.*quota/s);
  });

  it("refuses a URL of another host among the arguments, in any flag form", () => {
    for (const argv of [[`--crm-url=${REAL_CRM}`], ["--crm-url", REAL_CRM], ["--base-url", "http://10.0.0.5:4010/api/v1"]]) {
      expect(() => checkCrmTarget({}, argv), argv.join(" ")).toThrow(ExternalCrmRefusedError);
    }
  });

  it("refuses a CRM_BASE_URL that is not a URL rather than guessing", () => {
    expect(() => checkCrmTarget({ CRM_BASE_URL: "customtradescrm.com/api/v1" }, [])).toThrow(ExternalCrmRefusedError);
  });

  it("runs with no CRM configured, and ignores a local one (it starts its own sandbox)", () => {
    expect(checkCrmTarget({}, ["--only", "overhead"])).toEqual([]);
    expect(checkCrmTarget({ CRM_BASE_URL: "  " }, [])).toEqual([]);
    expect(checkCrmTarget({ CRM_BASE_URL: "http://127.0.0.1:4010/api/v1" }, [])).toEqual([expect.stringMatching(/ignored/)]);
  });
});

describe("isLoopbackHost", () => {
  it("accepts this machine's names and addresses only", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "app.localhost"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["customtradescrm.com", "10.0.0.5", "192.168.1.10", "localhost.example.com", "127.0.0.1.nip.io", "0.0.0.0"])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it("is what guards the dashboard's own CRM_BASE_URL too", () => {
    expect(() => assertLoopbackCrmUrl("http://127.0.0.1:4300/api/v1", "CRM_BASE_URL")).not.toThrow();
    expect(() => assertLoopbackCrmUrl(REAL_CRM, "CRM_BASE_URL")).toThrow(ExternalCrmRefusedError);
  });
});

describe("npm run bench", () => {
  const bench = (args: string[], env: Record<string, string> = {}) => {
    const cleanEnv = { ...process.env };
    delete cleanEnv.CRM_BASE_URL;
    return spawnSync(`${root}node_modules/.bin/tsx`, ["bench/run.ts", ...args], { cwd: root, env: { ...cleanEnv, ...env }, encoding: "utf8", timeout: 60_000 });
  };

  it("exits non-zero with the refusal when CRM_BASE_URL points at a real CRM", () => {
    const run = bench(["--dry-run"], { CRM_BASE_URL: REAL_CRM });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Refusing to run: CRM_BASE_URL points at customtradescrm\.com/);
    expect(run.stderr).toMatch(/quota/);
  });

  it("exits non-zero with the refusal when an argument names a real CRM", () => {
    const run = bench(["--dry-run", `--crm-url=${REAL_CRM}`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Refusing to run: .*points at customtradescrm\.com/);
  });

  it("passes the same check against its own sandbox (dry run: nothing is started)", () => {
    const run = bench(["--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Dry run/);
  });
}, 120_000);
