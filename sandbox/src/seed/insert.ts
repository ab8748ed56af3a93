import type { Queryable } from "../db/database";
import type { CustomerRow } from "./customers";
import type { JobRow } from "./jobs";

/**
 * Bulk insertion: each batch of rows travels as one JSON array of arrays in a
 * single text parameter and is unpacked in SQL:
 *
 *   insert into jobs (uuid, …) select (x->>0)::uuid, … from jsonb_array_elements($1::text::jsonb) x
 *
 * A multi-row VALUES list needs a parameter per cell and hits the protocol's
 * limit of 65,535 parameters at a few thousand rows. One text[] per column
 * (unnest) has no limit but was about twice as slow on PGlite: each array is
 * serialised element by element in JavaScript and parsed again by array_in,
 * while JSON.stringify and the jsonb parser are both native. The parameter is
 * declared text so that neither PGlite nor node-postgres re-encodes it.
 */
interface Column<Row> {
  name: keyof Row & string;
  type: "uuid" | "text" | "boolean" | "numeric" | "timestamptz" | "jsonb";
}

/** Rows per statement: large enough to amortise the round trip, small enough to keep each JSON text to a few MB. */
const BATCH_ROWS = 2_000;

const CUSTOMER_COLUMNS: ReadonlyArray<Column<CustomerRow>> = [
  { name: "uuid", type: "uuid" },
  { name: "company_uuid", type: "uuid" },
  { name: "first_name", type: "text" },
  { name: "last_name", type: "text" },
  { name: "company_name", type: "text" },
  { name: "email", type: "text" },
  { name: "phone", type: "text" },
  { name: "customer_type", type: "text" },
  { name: "is_vip", type: "boolean" },
  { name: "physical_address1", type: "text" },
  { name: "physical_address2", type: "text" },
  { name: "physical_city", type: "text" },
  { name: "physical_state", type: "text" },
  { name: "physical_zip", type: "text" },
  { name: "billing_address1", type: "text" },
  { name: "billing_address2", type: "text" },
  { name: "billing_city", type: "text" },
  { name: "billing_state", type: "text" },
  { name: "billing_zip", type: "text" },
  { name: "primary_service_location_uuid", type: "uuid" },
  { name: "notes", type: "text" },
  { name: "internal_flags", type: "jsonb" },
  { name: "on_my_way_notify_via", type: "text" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
  { name: "deleted_at", type: "timestamptz" },
];

const JOB_COLUMNS: ReadonlyArray<Column<JobRow>> = [
  { name: "uuid", type: "uuid" },
  { name: "company_uuid", type: "uuid" },
  { name: "job_number", type: "text" },
  { name: "customer_uuid", type: "uuid" },
  { name: "location_uuid", type: "uuid" },
  { name: "assigned_to_user_id", type: "uuid" },
  { name: "title", type: "text" },
  { name: "description", type: "text" },
  { name: "status", type: "text" },
  { name: "priority", type: "text" },
  { name: "is_urgent", type: "boolean" },
  { name: "is_emergency", type: "boolean" },
  { name: "service_address1", type: "text" },
  { name: "service_address2", type: "text" },
  { name: "service_city", type: "text" },
  { name: "service_state", type: "text" },
  { name: "service_zip", type: "text" },
  { name: "estimated_amount", type: "numeric" },
  { name: "actual_amount", type: "numeric" },
  { name: "scheduled_date", type: "timestamptz" },
  { name: "scheduled_time_start", type: "text" },
  { name: "scheduled_time_end", type: "text" },
  { name: "started_at", type: "timestamptz" },
  { name: "completed_at", type: "timestamptz" },
  { name: "invoiced_at", type: "timestamptz" },
  { name: "paid_at", type: "timestamptz" },
  { name: "internal_notes", type: "text" },
  { name: "customer_notes", type: "text" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
  { name: "deleted_at", type: "timestamptz" },
];

export function insertCustomers(db: Queryable, rows: readonly CustomerRow[]): Promise<void> {
  return insertRows(db, "customers", CUSTOMER_COLUMNS, rows);
}

export function insertJobs(db: Queryable, rows: readonly JobRow[]): Promise<void> {
  return insertRows(db, "jobs", JOB_COLUMNS, rows);
}

async function insertRows<Row>(db: Queryable, table: string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): Promise<void> {
  const names = columns.map((column) => column.name).join(", ");
  // ->> gives SQL NULL for a JSON null, which the casts (jsonb included) keep.
  const values = columns.map((column, index) => `(x->>${index})::${column.type}`).join(", ");
  const sql = `insert into ${table} (${names}) select ${values} from jsonb_array_elements($1::text::jsonb) as x`;
  for (let offset = 0; offset < rows.length; offset += BATCH_ROWS) {
    const batch = rows.slice(offset, offset + BATCH_ROWS).map((row) => columns.map((column) => row[column.name]));
    // Dates become ISO 8601 UTC strings (Date#toJSON); internal_flags objects nest as JSON.
    await db.query(sql, [JSON.stringify(batch)]);
  }
}
