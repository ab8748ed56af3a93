import { describe, expect, it } from "vitest";
import { contributorOf } from "../../bench/bundle-attribution";
import { parseServerTiming } from "../../bench/http-load";
import { phoneFormats } from "../../bench/lookup-latency";
import { monthlyCost, sessionsCovered } from "../../bench/monthly-cost";
import { OptionsError, parseBenchOptions } from "../../bench/options";

describe("parseBenchOptions", () => {
  it("runs every part into docs/benchmarks.md by default", () => {
    const options = parseBenchOptions([]);
    expect(options.complete).toBe(true);
    expect([...options.parts]).toEqual(["overhead", "pages", "lookup", "requests", "scale", "week", "live", "lighthouse"]);
    expect(options.out).toBe("docs/benchmarks.md");
  });

  it("writes a partial run elsewhere, so it never replaces the full report by accident", () => {
    expect(parseBenchOptions(["--skip-scale"]).out).toBe(".data/bench/benchmarks-partial.md");
    expect([...parseBenchOptions(["--only", "pages,lookup"]).parts]).toEqual(["pages", "lookup"]);
  });

  it("refuses unknown parts, flags and bad numbers", () => {
    expect(() => parseBenchOptions(["--only", "pages,speed"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--fast"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--customers", "ten"])).toThrow(OptionsError);
    expect(() => parseBenchOptions(["--only", "scale", "--skip-scale"])).toThrow(/Nothing to run/);
  });
});

describe("parseServerTiming", () => {
  it("reads the cache outcome and the CRM time the dashboard reports", () => {
    expect(parseServerTiming('cache;desc="miss", crm;dur=12.3;desc="1 call"')).toEqual({ cache: "miss", crmMs: 12.3, phases: { crm: 12.3 } });
    expect(parseServerTiming('cache;desc="hit", crm;dur=0.0;desc="0 calls"')).toEqual({ cache: "hit", crmMs: 0, phases: { crm: 0 } });
    expect(parseServerTiming("")).toEqual({ cache: null, crmMs: null, phases: {} });
  });

  it("reads the phases of the dashboard's own work beside the CRM's", () => {
    expect(parseServerTiming('cache;desc="miss", crm;dur=4.0;desc="1 call", session;dur=0.2, validate;dur=1.5, mirror;dur=6.25, mirror-hit;dur=0.3')).toEqual({
      cache: "miss",
      crmMs: 4,
      phases: { crm: 4, session: 0.2, validate: 1.5, mirror: 6.25, "mirror-hit": 0.3 },
    });
  });
});

describe("contributorOf", () => {
  it("names the package, the library Next.js ships inside itself, or the project folder", () => {
    expect(contributorOf("[project]/node_modules/libphonenumber-js/es6/metadata.min.json.js")).toBe("libphonenumber-js");
    expect(contributorOf("[project]/node_modules/@tanstack/query-core/build/modern/query.js")).toBe("@tanstack/query-core");
    expect(contributorOf("[project]/node_modules/next/dist/compiled/react-dom/cjs/react-dom-client.production.js")).toBe("react-dom (in next)");
    expect(contributorOf("[project]/node_modules/next/dist/client/components/layout-router.js")).toBe("next");
    expect(contributorOf("[project]/components/jobs/board/job-board.tsx")).toBe("components/jobs");
    expect(contributorOf("[project]/app/globals.css")).toBe("app");
    expect(contributorOf("[turbopack]/browser/runtime/base.ts")).toBe("[turbopack]");
  });
});

describe("phoneFormats", () => {
  it("writes a stored phone the four ways callers' numbers get typed", () => {
    expect(phoneFormats("206-555-0134")).toEqual(["(206) 555-0134", "206-555-0134", "2065550134", "206.555.0134"]);
  });
});

describe("monthly cost", () => {
  it("multiplies a session's requests by sessions a working day and 22 working days", () => {
    expect(monthlyCost(40, 25)).toEqual({ sessionsPerWorkingDay: 25, requestsPerMonth: 22_000, shareOfAllowance: 0.44 });
    expect(sessionsCovered(40)).toBe(1250);
    expect(sessionsCovered(0)).toBe(Number.POSITIVE_INFINITY);
  });
});
