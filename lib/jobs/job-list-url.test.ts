import { describe, expect, it } from "vitest";
import { checkJobFilters } from "@/lib/jobs/job-list-filters";
import { BOARD_FILTER_KEYS, EMPTY_RAW_FILTERS, historyModeFor, jobsHref, rawFiltersFromSearchParams } from "@/lib/jobs/job-list-url";

describe("job filters in the URL", () => {
  it("reads good filters into the list API's typed form", () => {
    const check = checkJobFilters({ status: "Scheduled,In Progress", priority: "High", page: "2", limit: "50" });
    expect(check).toMatchObject({ ok: true, filters: { status: ["Scheduled", "In Progress"], priority: "High", page: 2, limit: 50, include_deleted: false } });
  });

  it("names an unknown status from a hand-edited URL on the status filter", () => {
    expect(checkJobFilters({ status: "Scheduled,Teleported" })).toEqual({ ok: false, errors: { status: "Unknown status “Teleported”" } });
  });

  it("says each bad filter on its own key", () => {
    const check = checkJobFilters({ priority: "Whenever", customer_uuid: "42", limit: "7" });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(["customer_uuid", "limit", "priority"]);
  });

  it("lets the board ignore the table's filters", () => {
    expect(checkJobFilters({ status: "Teleported", search: "leak" }, BOARD_FILTER_KEYS)).toMatchObject({ ok: true, filters: { search: "leak", status: [] } });
  });

  it("takes the first of repeated parameters and ignores unknown ones", () => {
    expect(rawFiltersFromSearchParams({ status: ["New", "Complete"], other: "x" })).toEqual({ ...EMPTY_RAW_FILTERS, status: "New" });
  });

  it("replaces history only while a search is being refined", () => {
    const raw = { ...EMPTY_RAW_FILTERS, search: "lea" };
    expect(historyModeFor(raw, { search: "leak", page: "" })).toBe("replace");
    expect(historyModeFor(raw, { search: "" })).toBe("push");
    expect(historyModeFor(EMPTY_RAW_FILTERS, { search: "l" })).toBe("push");
    expect(historyModeFor(raw, { priority: "High" })).toBe("push");
  });

  it("builds links with only the filters given", () => {
    expect(jobsHref("/jobs", { status: "Ready to Invoice" })).toBe("/jobs?status=Ready+to+Invoice");
    expect(jobsHref("/jobs/board", {})).toBe("/jobs/board");
  });
});
