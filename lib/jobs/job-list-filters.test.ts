import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { jobListFiltersSchema } from "@/lib/jobs/job-list-filters";
import { issuesOf } from "@/tests/support/schema-cases";

const CUSTOMER = "123e4567-e89b-12d3-a456-426614174000";
const LOCATION = "6c1d2e3f-0000-4000-8000-000000000001";
const TECHNICIAN = "5a1b2c3d-0000-4000-8000-000000000003";

describe("jobListFiltersSchema", () => {
  const filters = (query: Record<string, string>) => jobListFiltersSchema.safeParse(query);
  it("defaults everything", () => {
    expect(jobListFiltersSchema.parse({})).toEqual({ status: [], include_deleted: false, page: 1, limit: 25 });
  });
  it("reads a full query", () => {
    expect(
      jobListFiltersSchema.parse({
        status: "Scheduled,In Progress, Scheduled",
        priority: "High",
        location_uuid: LOCATION,
        customer_uuid: CUSTOMER,
        assigned_to_user_id: TECHNICIAN,
        search: "  faucet ",
        include_deleted: "true",
        page: "3",
        limit: "100",
      }),
    ).toEqual({
      status: ["Scheduled", "In Progress"],
      priority: "High",
      location_uuid: LOCATION,
      customer_uuid: CUSTOMER,
      assigned_to_user_id: TECHNICIAN,
      search: "faucet",
      include_deleted: true,
      page: 3,
      limit: 100,
    });
  });
  it("treats the empty values a cleared form leaves in the URL as absent", () => {
    expect(jobListFiltersSchema.parse({ status: "", priority: "", customer_uuid: "", search: " ", include_deleted: "", page: "", limit: "" })).toEqual({
      status: [],
      priority: undefined,
      customer_uuid: undefined,
      search: undefined,
      include_deleted: false,
      page: 1,
      limit: 25,
    });
  });
  it.each([
    [{ status: "New,Done" }, "status", "Unknown status “Done”"],
    [{ status: "new" }, "status", "Unknown status “new”"],
    [{ priority: "Urgent" }, "priority", "Unknown priority “Urgent”"],
    [{ location_uuid: "Seattle" }, "location_uuid", "That isn't a valid location id"],
    [{ customer_uuid: "42" }, "customer_uuid", "That isn't a valid customer id"],
    [{ assigned_to_user_id: "bob" }, "assigned_to_user_id", "That isn't a valid team member id"],
    [{ search: "s".repeat(201) }, "search", "Search can be at most 200 characters"],
    [{ include_deleted: "yes" }, "include_deleted", "include_deleted must be true or false"],
    [{ page: "0" }, "page", "Page must be a whole number of 1 or more"],
    [{ page: "1.5" }, "page", "Page must be a whole number of 1 or more"],
    [{ limit: "10" }, "limit", "Show 25, 50 or 100 per page"],
  ])("refuses %j", (query, path, message) => {
    expect(issuesOf(filters(query))).toEqual({ [path]: [message] });
  });
  it("reports every unknown status", () => {
    expect(issuesOf(filters({ status: "Done,New,Lost" }))).toEqual({ status: ["Unknown status “Done”", "Unknown status “Lost”"] });
  });
  it("rejects unknown parameters", () => {
    const result = filters({ order: "title" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", message: "Unknown filter: “order”" })]);
  });
  it("reads the sort and the filters only the mirror answers", () => {
    expect(jobListFiltersSchema.parse({ sort: "-scheduled_date", from: "2026-03-01", to: "2026-03-31", unassigned: "true" })).toMatchObject({
      sort: { key: "scheduled_date", direction: "desc" },
      from: "2026-03-01",
      to: "2026-03-31",
      unassigned: true,
    });
    expect(jobListFiltersSchema.parse({ sort: "title", unscheduled: "true", unassigned: "" })).toMatchObject({
      sort: { key: "title", direction: "asc" },
      unscheduled: true,
      unassigned: undefined,
    });
  });
  it.each([
    [{ sort: "city" }, "sort", "isn't offered"],
    [{ sort: "-shoe_size" }, "sort", "job_number, title, customer_name, status, priority, scheduled_date, assignee_name, location_name"],
    [{ from: "2026-02-30" }, "from", "From must be a day written YYYY-MM-DD"],
    [{ to: "tomorrow" }, "to", "To must be a day written YYYY-MM-DD"],
    [{ to: "2026-13-01" }, "to", "To must be a day written YYYY-MM-DD"],
    [{ from: "2026-04-02", to: "2026-04-01" }, "from", "From (2026-04-02) is after To (2026-04-01)"],
    [{ unassigned: "false" }, "unassigned", "unassigned is either true or left out"],
    [{ unassigned: "true", assigned_to_user_id: TECHNICIAN }, "unassigned", "Choose a team member or unassigned, not both"],
    [{ unscheduled: "true", from: "2026-04-01" }, "unscheduled", "Unscheduled jobs have no date"],
  ])("refuses %j on its field", (query, path, message) => {
    const issues = issuesOf(filters(query));
    expect(Object.keys(issues)).toEqual([path]);
    expect(issues[path]!.join(" ")).toContain(message);
  });
  it("reads any comma list of known statuses back in the order given, without duplicates", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...JOB_STATUSES), { maxLength: 12 }), (statuses) => {
        const result = jobListFiltersSchema.parse({ status: statuses.join(",") });
        expect(result.status).toEqual([...new Set(statuses)]);
      }),
    );
  });
});
