import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/customers?filter=vip")).toBe("/customers?filter=vip");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
  });

  it.each([null, "", "customers", "//evil.example/x", "/\\evil.example", "https://evil.example/", "/sign-in?next=/x", "/api/me"])(
    "falls back to the overview for %j",
    (value) => expect(safeNextPath(value)).toBe("/"),
  );

  it("never returns anything but a single-slash path", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = safeNextPath(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
      }),
    );
  });
});
