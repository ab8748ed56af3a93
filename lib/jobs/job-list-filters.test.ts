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
    const result = filters({ sort: "title" });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", message: "Unknown filter: “sort”" })]);
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
