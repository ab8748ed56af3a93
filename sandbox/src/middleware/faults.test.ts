import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../testing/api-client";
import { startTestSandbox, type TestSandbox } from "../testing/test-sandbox";

// SANDBOX_FAULTS and the /__sandbox/faults controls.
let sandbox: TestSandbox;
let api: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  sandbox = await startTestSandbox({ faults: "error_rate=1,methods=DELETE,seed=7" });
  api = sandbox.client();
  admin = sandbox.rootClient();
});
afterEach(() => sandbox.setFaults(null));
afterAll(() => sandbox?.close());

describe("fault injection", () => {
  it("starts with the faults it was given", async () => {
    const settings = (await admin.get("/__sandbox/faults")).body.data;
    expect(settings.active).toBe(true);
    expect(settings.faults).toMatchObject({ error_rate: 1, methods: ["DELETE"], seed: 7 });
    expect((await api.delete("/customers/123e4567-e89b-12d3-a456-426614174000")).status).toBe(500);
  });

  it("answers injected errors with the 500 envelope", async () => {
    sandbox.setFaults("error_rate=1");
    const response = await api.get("/customers");
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ success: false, error: "Internal server error (injected)" });
  });

  it("drops the connection on an injected reset", async () => {
    sandbox.setFaults({ reset_rate: 1 });
    await expect(api.get("/customers")).rejects.toThrow();
    sandbox.setFaults(null);
    expect((await api.get("/customers")).status).toBe(200);
  });

  it("adds latency", async () => {
    sandbox.setFaults({ latency_ms: 250 });
    const started = performance.now();
    expect((await api.get("/locations")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("limits faults to matching methods and paths", async () => {
    sandbox.setFaults({ error_rate: 1, methods: "POST|PUT", path: "/jobs" });
    expect((await api.get("/jobs")).status).toBe(200);
    expect((await api.post("/customers", { first_name: "A", last_name: "B" })).status).toBe(200);
    expect((await api.post("/jobs", { title: "x" })).status).toBe(500);
  });

  it("stops after count faults", async () => {
    sandbox.setFaults({ error_rate: 1, count: 2 });
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await api.get("/locations")).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(sandbox.faults().stats).toMatchObject({ errors: 2, remaining: 0 });
  });

  it("injects at roughly the configured rate, reproducibly with a seed", async () => {
    const run = async () => {
      sandbox.setFaults({ error_rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let index = 0; index < 40; index += 1) statuses.push((await api.get("/locations")).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(await run()).toEqual(first);
  });

  it("never touches the test controls", async () => {
    sandbox.setFaults({ error_rate: 1 });
    expect((await admin.get("/__sandbox/faults")).status).toBe(200);
  });
});

describe("/__sandbox/faults", () => {
  it("needs a valid key", async () => {
    expect((await sandbox.rootClient(null).get("/__sandbox/faults")).status).toBe(401);
    expect((await sandbox.rootClient("ctc_wrong_key_0000").put("/__sandbox/faults", {})).status).toBe(401);
  });

  it("replaces the settings with PUT and clears them with {}", async () => {
    const put = await admin.put("/__sandbox/faults", {
      error_rate: 0.25,
      latency_ms: 10,
      latency_jitter_ms: 5,
      methods: ["get", "POST"],
      path: "/customers",
      count: 3,
      seed: 9,
      after_commit_share: 0.75,
    });
    expect(put.status).toBe(200);
    expect(put.body.data.faults).toEqual({
      error_rate: 0.25,
      reset_rate: 0,
      latency_ms: 10,
      latency_jitter_ms: 5,
      after_commit_share: 0.75,
      seed: 9,
      methods: ["GET", "POST"],
      path: "/customers",
      count: 3,
    });
    expect(put.body.data.stats).toEqual({ matched: 0, delayed: 0, errors: 0, resets: 0, remaining: 3 });
    expect(sandbox.faults().settings.errorRate).toBe(0.25);
    const cleared = await admin.put("/__sandbox/faults", {});
    expect(cleared.body.data.active).toBe(false);
    expect(cleared.body.data.faults.error_rate).toBe(0);
  });

  it.each([
    [{ error_rate: 2 }, "error_rate must be from 0 to 1"],
    [{ error_rate: "0.5" }, "error_rate must be a number from 0 to 1"],
    [{ error_rate: 0.6, reset_rate: 0.6 }, "error_rate + reset_rate must not exceed 1"],
    [{ latency_ms: -1 }, "latency_ms must be ≥ 0"],
    [{ methods: "FETCH" }, expect.stringContaining("methods must list HTTP methods")],
    [{ count: 0 }, "count must be ≥ 1"],
    [{ explode: true }, "unknown fault setting 'explode'"],
  ])("rejects %j with a 400", async (body, error) => {
    const response = await admin.put("/__sandbox/faults", body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error });
  });

  it("rejects a body that is not a JSON object", async () => {
    expect((await admin.request("PUT", "/__sandbox/faults", { rawBody: "[" })).status).toBe(400);
  });
});
