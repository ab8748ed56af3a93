import { describe, expect, it } from "vitest";
import { liveSection, liveTargets, type LiveUpdatesResult } from "../../bench/live-updates-report";
import { summarize } from "../../bench/stats";

function result(toScreen: number[], streams: Partial<LiveUpdatesResult["streams"]> = {}): LiveUpdatesResult {
  return {
    saves: toScreen.length,
    toScreen: summarize(toScreen),
    saveAnswered: summarize(toScreen.map((value) => value / 2)),
    missed: 0,
    streams: { count: 100, seconds: 60, rssMb: [210, 212, 211], eventsSent: 20, eventsReceivedMin: 20, errors: 0, ...streams },
  };
}

describe("the live updates' part of the report", () => {
  it("meets both targets with a fast p95, flat memory, no errors and every event received", () => {
    const rows = liveTargets(result([300, 350, 420, 500]));
    expect(rows.map((row) => row.met)).toEqual([true, true]);
    expect(rows[0]!.measured).toContain("500.0 ms p95 over 4 saves");
    expect(rows[1]!.measured).toBe("RSS 210 → 211 MB, 0 errors, every stream received 20 events");
  });

  it("misses them on a slow p95, on memory that grows, and on a stream that missed events, saying why", () => {
    const rows = liveTargets(result([300, 900, 1400], { rssMb: [200, 260, 320], eventsReceivedMin: 18 }));
    expect(rows.map((row) => row.met)).toEqual([false, false]);
    expect(rows[0]!.cause).toContain("The save itself took");
    expect(rows[1]!.measured).toContain("received at least 18 of 20 events");
    expect(rows[1]!.cause).toContain("Memory grew by 120 MB");
  });

  it("renders its section with the load and both measures", () => {
    const section = liveSection(result([300, 400]), "Load average: 1.00");
    expect(section).toContain("## 7. Live updates");
    expect(section).toContain("Load average: 1.00");
    expect(section).toContain("save sent → change on the other screen");
    expect(section).toContain("server RSS (MB) every 5 s: 210, 212, 211");
  });
});
