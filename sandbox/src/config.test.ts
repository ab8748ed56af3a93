import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_API_KEY, loadConfig } from "./config";
import { NO_FAULTS } from "./faults/fault-settings";

describe("loadConfig", () => {
  it("has documented defaults", () => {
    expect(loadConfig({}, "/repo")).toEqual({
      port: 4010,
      apiKeys: [DEMO_API_KEY],
      storage: { kind: "directory", path: resolve("/repo", ".data/sandbox") },
      seed: { customers: 250, jobs: 750, seed: 1 },
      monthlyQuota: 50_000,
      faults: NO_FAULTS,
      strictDocs: false,
    });
    expect(DEMO_API_KEY).toBe("ctc_sandbox_demo_key");
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        SANDBOX_PORT: "0",
        SANDBOX_API_KEYS: " key_one_123 , key_two_456 ,",
        SANDBOX_DATA_DIR: "memory",
        SANDBOX_SEED_CUSTOMERS: "0",
        SANDBOX_SEED_JOBS: "10",
        SANDBOX_SEED: "42",
        SANDBOX_MONTHLY_QUOTA: "100",
        SANDBOX_FAULTS: "error_rate=0.2,reset_rate=0.05,latency_ms=200,methods=PUT|POST",
      },
      "/repo",
    );
    expect(config).toMatchObject({
      port: 0,
      apiKeys: ["key_one_123", "key_two_456"],
      storage: { kind: "memory" },
      seed: { customers: 0, jobs: 10, seed: 42 },
      monthlyQuota: 100,
    });
    expect(config.faults).toMatchObject({ errorRate: 0.2, resetRate: 0.05, latencyMs: 200, methods: ["PUT", "POST"] });
  });

  it("prefers a Postgres URL over the data directory", () => {
    expect(loadConfig({ SANDBOX_DATABASE_URL: "postgres://u:p@localhost/db", SANDBOX_DATA_DIR: "memory" }).storage).toEqual({
      kind: "postgres",
      url: "postgres://u:p@localhost/db",
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ SANDBOX_PORT: "", SANDBOX_API_KEYS: " ", SANDBOX_FAULTS: "" }).port).toBe(4010);
  });

  describe("SANDBOX_PG_SHARED_BUFFERS", () => {
    it("is unset by default, leaving PGlite's own 128MB", () => {
      expect(loadConfig({}, "/repo").storage).toStrictEqual({ kind: "directory", path: resolve("/repo", ".data/sandbox") });
      expect(loadConfig({ SANDBOX_DATA_DIR: "memory", SANDBOX_PG_SHARED_BUFFERS: " " }).storage).toStrictEqual({ kind: "memory" });
    });

    it.each(["16MB", "64MB", "512MB", " 512MB ", "1GB", "1024MB", "16384kB", "1048576kB"])("accepts %j", (value) => {
      expect(loadConfig({ SANDBOX_PG_SHARED_BUFFERS: value }, "/repo").storage).toStrictEqual({
        kind: "directory",
        path: resolve("/repo", ".data/sandbox"),
        sharedBuffers: value.trim(),
      });
    });

    it("goes with an in-memory store too", () => {
      expect(loadConfig({ SANDBOX_DATA_DIR: "memory", SANDBOX_PG_SHARED_BUFFERS: "256MB" }).storage).toStrictEqual({ kind: "memory", sharedBuffers: "256MB" });
    });

    it.each([
      ["512", "SANDBOX_PG_SHARED_BUFFERS: SANDBOX_PG_SHARED_BUFFERS must be a whole number followed by kB, MB or GB, e.g. 512MB"],
      ["512mb", "must be a whole number followed by kB, MB or GB"],
      ["512 MB", "must be a whole number followed by kB, MB or GB"],
      ["1.5GB", "must be a whole number followed by kB, MB or GB"],
      ["lots", "must be a whole number followed by kB, MB or GB"],
      ["0MB", "SANDBOX_PG_SHARED_BUFFERS: SANDBOX_PG_SHARED_BUFFERS must be from 16MB to 1GB"],
      ["15MB", "SANDBOX_PG_SHARED_BUFFERS must be from 16MB to 1GB"],
      ["1025MB", "SANDBOX_PG_SHARED_BUFFERS must be from 16MB to 1GB"],
      ["2GB", "SANDBOX_PG_SHARED_BUFFERS must be from 16MB to 1GB"],
      ["3GB", "SANDBOX_PG_SHARED_BUFFERS must be from 16MB to 1GB"],
    ])("rejects %j with a clear message", (value, message) => {
      expect(() => loadConfig({ SANDBOX_PG_SHARED_BUFFERS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ SANDBOX_PG_SHARED_BUFFERS: value })).toThrow(message);
    });

    it("says once what is wrong with garbage, not also that it is out of range", () => {
      expect(() => loadConfig({ SANDBOX_PG_SHARED_BUFFERS: "lots" })).toThrow(/^Invalid sandbox configuration:\n {2}SANDBOX_PG_SHARED_BUFFERS: [^\n]*$/);
    });

    it("is refused together with SANDBOX_DATABASE_URL, whose server has its own configuration", () => {
      const env = { SANDBOX_DATABASE_URL: "postgres://u:p@localhost/db", SANDBOX_PG_SHARED_BUFFERS: "512MB" };
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(
        "SANDBOX_PG_SHARED_BUFFERS: SANDBOX_PG_SHARED_BUFFERS applies to PGlite only; with SANDBOX_DATABASE_URL the Postgres server's own shared_buffers applies",
      );
    });
  });

  it.each([
    [{ SANDBOX_PORT: "abc" }, "SANDBOX_PORT: SANDBOX_PORT must be a whole number"],
    [{ SANDBOX_PORT: "70000" }, "SANDBOX_PORT: SANDBOX_PORT must be ≤ 65535"],
    [{ SANDBOX_MONTHLY_QUOTA: "-1" }, "SANDBOX_MONTHLY_QUOTA must be ≥ 0"],
    [{ SANDBOX_SEED_CUSTOMERS: "1.5" }, "SANDBOX_SEED_CUSTOMERS must be a whole number"],
    [{ SANDBOX_API_KEYS: "short" }, "SANDBOX_API_KEYS entries must be 8 to 200 visible ASCII characters"],
    [{ SANDBOX_API_KEYS: "same_key_1,same_key_1" }, "SANDBOX_API_KEYS must not repeat a key"],
    [{ SANDBOX_DATABASE_URL: "mysql://x" }, "SANDBOX_DATABASE_URL must be a postgres:// or postgresql:// URL"],
    [{ SANDBOX_FAULTS: "error_rate=2" }, "SANDBOX_FAULTS: error_rate must be from 0 to 1"],
    [{ SANDBOX_FAULTS: "eror_rate=0.1" }, "SANDBOX_FAULTS: unknown fault setting 'eror_rate'"],
    [{ SANDBOX_FAULTS: "latency_ms=fast" }, "SANDBOX_FAULTS: latency_ms must be a number, got 'fast'"],
  ])("rejects %j with a clear message", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ SANDBOX_PORT: "x", SANDBOX_SEED: "y" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid sandbox configuration:\n {2}SANDBOX_PORT: .*\n {2}SANDBOX_SEED: /);
    }
  });
});

describe("npm run sandbox with a bad configuration", () => {
  it("prints the problem, no stack trace, and exits non-zero", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", resolve(import.meta.dirname, "main.ts")], {
      env: { ...process.env, SANDBOX_PORT: "not-a-port", SANDBOX_DATA_DIR: "memory" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid sandbox configuration:\n  SANDBOX_PORT: SANDBOX_PORT must be a whole number");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });
});
