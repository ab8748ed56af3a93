import { describe, expect, it } from "vitest";
import { assigneeLabelFor, collectAssignees, mergeAssignees, withLinkedAccounts } from "@/lib/jobs/assignees";

const ana = { id: "a", first_name: "Ana", last_name: "Diaz" };
const bo = { id: "b", first_name: "Bo", last_name: "Chen" };

describe("assignees", () => {
  it("collects each person once, sorted by name, skipping unassigned jobs", () => {
    expect(collectAssignees([{ assigned_user: bo }, { assigned_user: null }, { assigned_user: ana }, { assigned_user: bo }, {}])).toEqual([ana, bo]);
  });

  it("merges lists without duplicates", () => {
    expect(mergeAssignees([ana], [ana, bo], [null, undefined])).toEqual([ana, bo]);
  });

  it("never shows a raw id, even for someone unknown", () => {
    expect(assigneeLabelFor("b", [ana, bo])).toBe("Bo Chen");
    expect(assigneeLabelFor("zzz-id", [ana])).not.toContain("zzz-id");
  });

  it("adds accounts linked to a CRM user; the CRM's own name wins where both are known", () => {
    const people = withLinkedAccounts(
      [bo],
      [
        { crmUserId: "b", name: "Bob C. (dashboard)" },
        { crmUserId: "c", name: "Cam Ortiz" },
      ],
    );
    expect(people.map((person) => [person.id, assigneeLabelFor(person.id, people)])).toEqual([
      ["b", "Bo Chen"],
      ["c", "Cam Ortiz"],
    ]);
  });
});
