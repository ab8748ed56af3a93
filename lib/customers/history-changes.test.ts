import { describe, expect, it } from "vitest";
import type { AuditRow } from "@/lib/audit/audit-types";
import { historyChanges } from "@/lib/customers/history-changes";

const row = (action: string, changes: Record<string, unknown>): AuditRow => ({
  id: "1",
  occurredAt: "2025-02-18T14:30:00.000Z",
  actorEmail: "staff@example.com",
  action,
  resource: "customer",
  resourceId: "c1",
  changes,
  requestId: null,
  outcome: "accepted",
  detail: null,
  repeatCount: 1,
  lastOccurredAt: null,
});

describe("historyChanges", () => {
  it("lists an edit's changes in the form's order, from → to, in plain values", () => {
    const changes = historyChanges(
      row("update", { notes: { from: null, to: "Dog" }, phone: { from: "206-555-0142", to: "206-555-0199" }, is_vip: { from: false, to: true } }),
    );
    expect(changes).toEqual([
      { field: "is_vip", from: "No", to: "Yes" },
      { field: "phone", from: "206-555-0142", to: "206-555-0199" },
      { field: "notes", from: "(empty)", to: "Dog" },
    ]);
  });

  it("lists only what a creation filled in, and a copied billing address once", () => {
    const changes = historyChanges(
      row("create", {
        last_name: { from: null, to: "Lee" },
        first_name: { from: null, to: "Ann" },
        marketing_sms_opt_in: { from: null, to: false },
        tags: { from: null, to: [] },
        physical_city: { from: null, to: "Seattle" },
        billing_city: { from: null, to: "Seattle" },
        internal_flags: { from: null, to: { tradesdesk: {} } },
      }),
    );
    expect(changes).toEqual([
      { field: "first_name", from: null, to: "Ann" },
      { field: "last_name", from: null, to: "Lee" },
      { field: "physical_city", from: null, to: "Seattle" },
      { field: "billing_same_as_physical", from: null, to: "Yes" },
    ]);
  });

  it("names secret changes without values, and has nothing for entries without changes", () => {
    expect(historyChanges(row("update", { notes: "changed" }))).toEqual([{ field: "notes", from: null, to: "changed" }]);
    expect(historyChanges({ ...row("delete", {}), changes: null })).toEqual([]);
  });
});
