import { describe, expect, it } from "vitest";
import { KeyedLock } from "@/lib/concurrency/keyed-lock";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("KeyedLock", () => {
  it("runs tasks with the same key one at a time, in order", async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick(10);
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([lock.run("a", task("first")), lock.run("a", task("second")), lock.run("a", task("third"))]);
    expect(results).toEqual(["first", "second", "third"]);
    expect(events).toEqual(["first start", "first end", "second start", "second end", "third start", "third end"]);
    expect(lock.size).toBe(0);
  });

  it("lets different keys run together", async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    await Promise.all(
      ["a", "b"].map((key) =>
        lock.run(key, async () => {
          events.push(`${key} start`);
          await tick(10);
          events.push(`${key} end`);
        }),
      ),
    );
    expect(events.slice(0, 2).sort()).toEqual(["a start", "b start"]);
  });

  it("goes on after a task fails, and passes the failure to its caller", async () => {
    const lock = new KeyedLock();
    const failing = lock.run("a", async () => {
      throw new Error("boom");
    });
    const next = lock.run("a", async () => "still runs");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("still runs");
    expect(lock.size).toBe(0);
  });
});
