import { describe, expect, it } from "vitest";
import { cumulativeLayoutShift, totalBlockingTime } from "../../bench/web-vitals";

describe("totalBlockingTime", () => {
  it("sums the part of each long task beyond 50 ms", () => {
    expect(
      totalBlockingTime(
        [
          { startTime: 100, duration: 120 },
          { startTime: 400, duration: 60 },
          { startTime: 600, duration: 50 },
        ],
        0,
      ),
    ).toBe(70 + 10 + 0);
  });

  it("counts only what falls after first contentful paint, and before the end if given", () => {
    // 250 ms task starting 100 ms before FCP: 150 ms after it, so 100 ms blocking.
    expect(totalBlockingTime([{ startTime: 900, duration: 250 }], 1000)).toBe(100);
    expect(totalBlockingTime([{ startTime: 500, duration: 100 }], 1000)).toBe(0);
    expect(totalBlockingTime([{ startTime: 1000, duration: 300 }], 1000, 1200)).toBe(150);
  });
});

describe("cumulativeLayoutShift", () => {
  it("is 0 without shifts", () => {
    expect(cumulativeLayoutShift([])).toBe(0);
  });

  it("sums shifts less than 1 s apart into one session and takes the worst session", () => {
    const shifts = [
      { startTime: 100, value: 0.1 },
      { startTime: 900, value: 0.05 },
      { startTime: 3000, value: 0.12 },
    ];
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.15);
  });

  it("ends a session after 5 s even when shifts keep coming", () => {
    const shifts = Array.from({ length: 8 }, (_, index) => ({ startTime: index * 900, value: 0.1 }));
    // 0, 900 … 4500 fall in the first 5 s (6 shifts); 5400 starts a new session.
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.6);
  });

  it("does not depend on the order entries arrive in", () => {
    expect(
      cumulativeLayoutShift([
        { startTime: 900, value: 0.05 },
        { startTime: 100, value: 0.1 },
      ]),
    ).toBeCloseTo(0.15);
  });
});
