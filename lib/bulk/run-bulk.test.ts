import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runBulk, type BulkProgress } from "@/lib/bulk/run-bulk";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runBulk", () => {
  it("never runs more than `concurrency` at once, runs each item once and keeps the input order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 3 }), fails: fc.boolean() }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 5 }),
        async (plan, concurrency) => {
          const items = plan.map((step, index) => ({ ...step, index }));
          let running = 0;
          let peak = 0;
          const runs = new Map<number, number>();
          const progress: BulkProgress[] = [];

          const results = await runBulk(
            items,
            async (item) => {
              runs.set(item.index, (runs.get(item.index) ?? 0) + 1);
              running += 1;
              peak = Math.max(peak, running);
              await tick(item.delay);
              running -= 1;
              if (item.fails) throw new Error(`item ${item.index} refused`);
            },
            { concurrency, onSettled: (_result, counts) => progress.push(counts) },
          );

          expect(peak).toBeLessThanOrEqual(concurrency);
          expect([...runs.values()].every((count) => count === 1)).toBe(true);
          expect(runs.size).toBe(items.length);
          expect(results.map((result) => result.item)).toEqual(items);
          expect(results.map((result) => result.ok)).toEqual(items.map((item) => !item.fails));
          for (const result of results) {
            if (!result.ok) expect((result.error as Error).message).toBe(`item ${result.item.index} refused`);
          }
          // One report per item, counting up to the total; failures counted as they happen.
          expect(progress.map((counts) => counts.done)).toEqual(items.map((_item, index) => index + 1));
          expect(progress.every((counts) => counts.total === items.length)).toBe(true);
          expect(progress.at(-1)?.failed ?? 0).toBe(items.filter((item) => item.fails).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("uses all the concurrency it is given", async () => {
    let running = 0;
    let peak = 0;
    await runBulk(
      [1, 2, 3, 4, 5, 6],
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick(5);
        running -= 1;
      },
      { concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it("counts a synchronous throw as that item's failure and goes on", async () => {
    const results = await runBulk(
      ["a", "b"],
      (item) => {
        if (item === "a") throw new Error("no");
        return Promise.resolve();
      },
      { concurrency: 1 },
    );
    expect(results).toEqual([
      { item: "a", ok: false, error: new Error("no") },
      { item: "b", ok: true },
    ]);
  });

  it("keeps going when the progress callback throws", async () => {
    const results = await runBulk([1, 2, 3], () => Promise.resolve(), {
      concurrency: 2,
      onSettled: () => {
        throw new Error("display broke");
      },
    });
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it("does nothing for no items, and refuses a concurrency below 1", async () => {
    expect(await runBulk([], () => Promise.reject(new Error("never")), { concurrency: 2 })).toEqual([]);
    await expect(runBulk([1], () => Promise.resolve(), { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
