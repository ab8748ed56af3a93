import { describe, expect, it } from "vitest";
import { createFaultInjector } from "./fault-injector";
import { describeFaults, FaultSettingsError, NO_FAULTS, parseFaultJson, parseFaultSpec } from "./fault-settings";

describe("parseFaultSpec (SANDBOX_FAULTS)", () => {
  it("reads every key", () => {
    expect(
      parseFaultSpec("error_rate=0.2, reset_rate=0.05,latency_ms=200,latency_jitter_ms=50,after_commit_share=0.25,seed=7,methods=put|POST,path=/jobs,count=3"),
    ).toEqual({
      errorRate: 0.2,
      resetRate: 0.05,
      latencyMs: 200,
      latencyJitterMs: 50,
      afterCommitShare: 0.25,
      seed: 7,
      methods: ["PUT", "POST"],
      path: "/jobs",
      count: 3,
    });
  });

  it("means no faults when empty", () => {
    expect(parseFaultSpec("")).toEqual(NO_FAULTS);
    expect(parseFaultSpec(" , ")).toEqual(NO_FAULTS);
  });

  it.each([
    ["error_rate", "'error_rate' is not key=value"],
    ["error_rate=0.1,error_rate=0.2", "error_rate is given twice"],
    ["error_rate=abc", "error_rate must be a number, got 'abc'"],
    ["error_rate=1.5", "error_rate must be from 0 to 1"],
    ["latency_ms=1.5", "latency_ms must be a whole number of milliseconds"],
    ["methods=GET|YELL", "methods must list HTTP methods"],
    ["typo=1", "unknown fault setting 'typo'"],
    ["error_rate=0.7,reset_rate=0.7", "error_rate + reset_rate must not exceed 1"],
  ])("rejects %s", (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(FaultSettingsError);
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it("describes active settings in one line", () => {
    expect(describeFaults(NO_FAULTS)).toBe("none");
    expect(describeFaults(parseFaultSpec("error_rate=0.2,methods=PUT|POST"))).toBe("error_rate=0.2,methods=PUT|POST");
  });
});

describe("parseFaultJson", () => {
  it("accepts methods as an array and null for optional keys", () => {
    expect(parseFaultJson({ methods: ["delete"], path: null, count: null, seed: null })).toMatchObject({
      methods: ["DELETE"],
      path: null,
      count: null,
      seed: null,
    });
  });

  it("rejects what is not an object", () => {
    expect(() => parseFaultJson([])).toThrow(FaultSettingsError);
  });
});

describe("fault injector", () => {
  const sequence = (spec: string, requests: Array<[string, string]>) => {
    const injector = createFaultInjector(parseFaultSpec(spec));
    return requests.map(([method, path]) => injector.decide(method, path));
  };
  const gets = (count: number): Array<[string, string]> => Array.from({ length: count }, () => ["GET", "/api/v1/customers"]);

  it("decides the same way for the same seed", () => {
    expect(sequence("error_rate=0.3,reset_rate=0.3,seed=5", gets(50))).toEqual(sequence("error_rate=0.3,reset_rate=0.3,seed=5", gets(50)));
    expect(sequence("error_rate=0.3,seed=5", gets(50))).not.toEqual(sequence("error_rate=0.3,seed=6", gets(50)));
  });

  it("honours methods, path and count", () => {
    const decisions = sequence("error_rate=1,methods=POST,path=/jobs,count=2", [
      ["GET", "/api/v1/jobs"],
      ["POST", "/api/v1/customers"],
      ["POST", "/api/v1/jobs"],
      ["POST", "/api/v1/jobs/x"],
      ["POST", "/api/v1/jobs"],
    ]);
    expect(decisions.map((decision) => decision?.failure ?? null)).toEqual([null, null, "error", "error", null]);
  });

  it("strikes writes after the commit by after_commit_share, never reads", () => {
    const after = sequence("error_rate=1,after_commit_share=1", [
      ["POST", "/x"],
      ["PUT", "/x"],
      ["DELETE", "/x"],
      ["GET", "/x"],
    ]);
    expect(after.map((decision) => decision?.timing)).toEqual(["after", "after", "after", "before"]);
    const before = sequence("error_rate=1,after_commit_share=0", [["POST", "/x"]]);
    expect(before[0]?.timing).toBe("before");
  });

  it("adds latency with bounded jitter, and nothing without faults", () => {
    const delays = sequence("latency_ms=100,latency_jitter_ms=20,seed=1", gets(30)).map((decision) => decision?.delayMs ?? -1);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120);
    expect(sequence("", gets(5))).toEqual([null, null, null, null, null]);
  });

  it("counts what it did", () => {
    const injector = createFaultInjector(parseFaultSpec("reset_rate=1,count=1"));
    injector.decide("GET", "/a");
    injector.decide("GET", "/a");
    expect(injector.stats()).toEqual({ matched: 1, delayed: 0, errors: 0, resets: 1, remaining: 0 });
  });
});
