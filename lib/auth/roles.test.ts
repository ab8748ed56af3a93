import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/roles";

describe("can", () => {
  it("gives each role exactly its powers", () => {
    expect(["read", "write", "manage_users", "read_audit", "manage_sync"].every((capability) => can("admin", capability as never))).toBe(true);
    expect(can("staff", "write")).toBe(true);
    expect(can("staff", "manage_users")).toBe(false);
    expect(can("staff", "manage_sync")).toBe(false);
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "write")).toBe(false);
  });

  it.each([null, undefined, "", "Admin", "root", "admin ", 1])("gives %j nothing", (role) => {
    expect(can(role, "read")).toBe(false);
  });
});
