import { describe, expect, it } from "vitest";
import { customerColumns } from "@/components/customers/table/customer-columns";
import { jobColumns } from "@/components/jobs/table/job-columns";
import { CUSTOMER_TABLE_SORT_KEYS } from "@/lib/customers/customer-list-url";
import { JOB_TABLE_SORT_KEYS } from "@/lib/jobs/job-list-url";

/**
 * Every column the tables show sorts, by a key the list API takes, and the
 * API takes no key the tables don't show (ADR-017): a header button with a
 * key the API refuses would turn a click into an error.
 */
const sortKeys = (columns: Array<{ id?: string; meta?: { sortKey?: string } }>) => ({
  keys: columns.flatMap((column) => (column.meta?.sortKey ? [column.meta.sortKey] : [])).sort(),
  unsorted: columns.filter((column) => !column.meta?.sortKey).map((column) => column.id),
});

describe("the tables' sortable columns", () => {
  it("customers: one key per data column, exactly the API's", () => {
    const { keys, unsorted } = sortKeys(customerColumns({ canWrite: true, restoringUuid: null, onRestore: () => undefined }));
    expect(keys).toEqual([...CUSTOMER_TABLE_SORT_KEYS].sort());
    expect(unsorted).toEqual(["select", "actions"]);
  });

  it("jobs: one key per data column, exactly the API's", () => {
    const { keys, unsorted } = sortKeys(jobColumns({ canWrite: true, locations: [], restoringUuid: null, onRestore: () => undefined }));
    expect(keys).toEqual([...JOB_TABLE_SORT_KEYS].sort());
    expect(unsorted).toEqual(["select", "actions"]);
  });
});
