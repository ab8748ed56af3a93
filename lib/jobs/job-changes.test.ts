import { describe, expect, it } from "vitest";
import { buildJobPatch, changedJobFields, describeJobConflict, reapplyJobChanges } from "@/lib/jobs/job-changes";
import { jobFormDefaults, type JobFormState } from "@/lib/jobs/job-schema";

const base: JobFormState = {
  ...jobFormDefaults,
  customer_uuid: "5a1b2c3d-0000-4000-8000-000000000001",
  title: "Leak",
  use_customer_address: false,
  estimated_amount: "1450.50",
  service_city: "Bellevue",
};

describe("job changes", () => {
  it("sends only what changed, with the updated_at the person started from", () => {
    expect(buildJobPatch(base, { ...base, title: "Big leak", status: "Scheduled" }, "2026-03-01T10:00:00.000Z")).toEqual({
      expected_updated_at: "2026-03-01T10:00:00.000Z",
      title: "Big leak",
      status: "Scheduled",
    });
  });

  it("is nothing when nothing really changed (spaces, same amount written differently)", () => {
    expect(buildJobPatch(base, { ...base, title: " Leak ", estimated_amount: "1450.5" }, "x")).toBeNull();
  });

  it("ignores the hidden service address when the customer's address is used", () => {
    expect(changedJobFields(base, { ...base, use_customer_address: true, service_city: "" })).toEqual(["use_customer_address"]);
  });

  it("lays my changes over their version after a conflict", () => {
    const theirs = { ...base, status: "Scheduled" as const };
    expect(reapplyJobChanges(base, { ...base, title: "Mine" }, theirs)).toMatchObject({ title: "Mine", status: "Scheduled" });
  });

  it("describes who changed what, and where both did", () => {
    const mine = { ...base, title: "Mine", priority: "High" as const };
    const theirs = { ...base, title: "Theirs", status: "Scheduled" as const };
    const rows = describeJobConflict(base, mine, theirs);
    expect(rows.map((row) => [row.field, row.theyChanged, row.iChanged, row.clash])).toEqual([
      ["title", true, true, true],
      ["status", true, false, false],
      ["priority", false, true, false],
    ]);
  });
});
