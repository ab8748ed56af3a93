import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CUSTOMER_CSV_COLUMNS } from "@/lib/customers/customer-csv";
import { jobCsvColumns } from "@/lib/jobs/job-csv";

/**
 * The exports carry every field of the CRM's object tables, in the tables'
 * order (ADR-021): read from the docs themselves, so a field the docs gain is
 * a failing test, not a silently shorter export.
 */
function documentedFields(file: string): string[] {
  const text = readFileSync(join(process.cwd(), "docs/crm-api", file), "utf8");
  const table = text.slice(text.indexOf("Attributes"));
  const fields: string[] = [];
  for (const line of table.split("\n")) {
    const match = /^([a-z][a-z0-9_]*)(string|UUID|number|boolean|JSONB)/.exec(line.trim());
    if (match) fields.push(match[1]!);
    else if (fields.length > 0 && /^(THE |List )/.test(line.trim())) break;
  }
  return fields;
}

/** Each documented field once, in the order the columns first name it. */
const fieldsOf = (columns: ReadonlyArray<{ field: string }>) => [...new Set(columns.map((column) => column.field))];

describe("CSV exports", () => {
  it("have a column for every documented customer field, in the docs' order, and the extras as their own columns", () => {
    const documented = documentedFields("000-customers.txt");
    expect(documented).toHaveLength(25);
    expect(fieldsOf(CUSTOMER_CSV_COLUMNS)).toEqual(documented);
    const headers = CUSTOMER_CSV_COLUMNS.map((column) => column.header);
    for (const extra of ["Tags", "Lead source", "Marketing emails", "Marketing texts"]) expect(headers).toContain(extra);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it("have a column for every documented job field, in the docs' order", () => {
    const documented = documentedFields("002-jobs.txt");
    expect(documented).toEqual(
      expect.arrayContaining(["description", "internal_notes", "customer_notes", "started_at", "completed_at", "invoiced_at", "paid_at", "updated_at"]),
    );
    const columns = jobCsvColumns([]);
    expect(fieldsOf(columns)).toEqual(documented);
    const headers = columns.map((column) => column.header);
    expect(new Set(headers).size).toBe(headers.length);
  });
});
