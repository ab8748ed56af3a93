import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const draw = (seed: number | string) => {
      const rng = createRandom(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw("7")).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it("draws uniformly enough in [0, 1) and integers within bounds", () => {
    const rng = createRandom(1);
    const buckets = new Array<number>(10).fill(0);
    const integers = new Set<number>();
    for (let index = 0; index < 50_000; index += 1) {
      const bucket = Math.floor(rng.next() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
      integers.add(rng.int(3, 5));
    }
    expect(buckets).toHaveLength(10);
    for (const count of buckets) expect(Math.abs(count - 5_000)).toBeLessThan(400);
    expect([...integers].sort()).toEqual([3, 4, 5]);
  });

  it("makes version-4 UUIDs with the RFC 4122 variant, without repeats", () => {
    const rng = createRandom(2);
    const uuids = Array.from({ length: 10_000 }, () => rng.uuid());
    const malformed = uuids.filter((uuid) => !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid));
    expect(malformed).toEqual([]);
    expect(new Set(uuids).size).toBe(10_000);
  });

  it("respects weights and forks independent, repeatable streams", () => {
    const rng = createRandom(3);
    let heavy = 0;
    for (let index = 0; index < 10_000; index += 1)
      if (
        rng.weighted([
          ["a", 9],
          ["b", 1],
        ] as const) === "a"
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);

    const forks = (seed: number) => {
      const parent = createRandom(seed);
      const first = parent.fork("customers");
      const second = parent.fork("jobs");
      return [first.next(), second.next()];
    };
    expect(forks(4)).toEqual(forks(4));
    const [first, second] = forks(4);
    expect(first).not.toBe(second);
  });
});
