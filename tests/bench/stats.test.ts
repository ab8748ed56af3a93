import { describe, expect, it } from "vitest";
import { median, percentile, summarize } from "../../bench/stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1, unsorted on purpose

  it("picks the value at rank ceil(p/100 · n) of the sorted values", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it("never interpolates: every answer is a measured value", () => {
    expect(percentile([1, 1000], 50)).toBe(1);
    expect(percentile([1, 1000], 95)).toBe(1000);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("is NaN for no values, so a missing figure cannot pass for a fast one", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it("rejects percentiles outside (0, 100]", () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives count, p50, p95, p99, max and mean", () => {
    const values = Array.from({ length: 200 }, (_, index) => index + 1);
    expect(summarize(values)).toEqual({ count: 200, p50: 100, p95: 190, p99: 198, max: 200, mean: 100.5 });
  });

  it("is all NaN but the count for no values", () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    for (const value of [empty.p50, empty.p95, empty.p99, empty.max, empty.mean]) expect(value).toBeNaN();
  });
});
