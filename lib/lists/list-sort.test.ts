import { describe, expect, it } from "vitest";
import { nextSort, parseSort, sortParam } from "@/lib/lists/list-sort";

const KEYS = ["last_name", "created_at"] as const;

describe("a list's sort in the URL", () => {
  it("reads a key as ascending and a leading minus as descending; nothing is the list's own order", () => {
    expect(parseSort("last_name", KEYS)).toEqual({ ok: true, sort: { key: "last_name", direction: "asc" } });
    expect(parseSort("-created_at", KEYS)).toEqual({ ok: true, sort: { key: "created_at", direction: "desc" } });
    expect(parseSort("", KEYS)).toEqual({ ok: true, sort: null });
    expect(parseSort(undefined, KEYS)).toEqual({ ok: true, sort: null });
  });

  it.each(["name", "-", "--last_name", "LAST_NAME", "last_name "])("refuses %j, naming the keys offered", (value) => {
    const check = parseSort(value.trim() === "last_name" ? "last_name!" : value, KEYS);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain("Sort by one of: last_name, created_at (a leading “-” sorts descending).");
  });

  it("writes what it reads", () => {
    for (const value of ["last_name", "-last_name", "created_at", "-created_at"]) {
      const check = parseSort(value, KEYS);
      expect(check.ok && sortParam(check.sort)).toBe(value);
    }
    expect(sortParam(null)).toBe("");
  });

  it("cycles a header: ascending, descending, then the list's own order; another column starts ascending", () => {
    const first = nextSort(null, "last_name");
    expect(first).toEqual({ key: "last_name", direction: "asc" });
    const second = nextSort(first, "last_name");
    expect(second).toEqual({ key: "last_name", direction: "desc" });
    expect(nextSort(second, "last_name")).toBeNull();
    expect(nextSort(second, "created_at")).toEqual({ key: "created_at", direction: "asc" });
  });
});
