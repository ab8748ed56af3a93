import "server-only";
import type { ColumnType, Generated, InsertType, Kysely } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";
import type { AppDatabaseSchema } from "@/lib/db/tables";
import { mirrorWritesSettled } from "@/lib/mirror/read-through-queue.server";

/** Kysely's view of the mirror's tables (migration 008), kept beside the code that owns them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type MirrorTables = {
  mirror_customers: {
    scope: string;
    uuid: string;
    first_name: string;
    last_name: string;
    sort_name: string;
    company_name: string | null;
    email: string | null;
    phone: string | null;
    phone_digits: string;
    customer_type: string;
    is_vip: boolean;
    city: string | null;
    zip: string | null;
    state: string | null;
    tags: string[];
    lead_source: string | null;
    email_opt_in: boolean;
    sms_opt_in: boolean;
    search_text: string;
    physical_text: string;
    billing_text: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    deleted_at: NullableTimestamp;
    confirmed_at: Timestamp;
    provisional: Generated<boolean>;
    /** Of the row as written (record and derived columns): an answer carrying the same only moves confirmed_at (migration 013). */
    record_hash: string | null;
  };
  mirror_jobs: {
    scope: string;
    uuid: string;
    job_number: string | null;
    title: string;
    customer_uuid: string | null;
    customer_name: string;
    customer_sort: string;
    location_uuid: string | null;
    status: string;
    priority: string;
    priority_rank: number;
    status_rank: number;
    is_urgent: boolean;
    is_emergency: boolean;
    city: string | null;
    zip: string | null;
    scheduled_date: ColumnType<string | null, string | null, string | null>;
    scheduled_time_start: string | null;
    scheduled_time_end: string | null;
    assigned_to_user_id: string | null;
    assignee_name: string | null;
    estimated_amount: ColumnType<string | null, number | null, number | null>;
    search_text: string;
    address_text: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    deleted_at: NullableTimestamp;
    confirmed_at: Timestamp;
    provisional: Generated<boolean>;
    record_hash: string | null;
  };
  mirror_records: {
    scope: string;
    resource: "customers" | "jobs";
    uuid: string;
    record: ColumnType<Record<string, unknown>, string, string>;
  };
  mirror_locations: {
    scope: string;
    uuid: string;
    record: ColumnType<Record<string, unknown>, string, string>;
    name: string;
    address_text: string;
    created_at: NullableTimestamp;
    updated_at: NullableTimestamp;
    deleted_at: NullableTimestamp;
    confirmed_at: Timestamp;
  };
  mirror_sync: {
    scope: string;
    budget_share: Generated<number>;
    paused: Generated<boolean>;
    halted_reason: string | null;
    halted_at: NullableTimestamp;
    pass: ColumnType<unknown, string | null, string | null>;
    last_pass_started_at: NullableTimestamp;
    last_pass_completed_at: NullableTimestamp;
    last_changes_at: NullableTimestamp;
    last_open_jobs_at: NullableTimestamp;
    last_run_at: NullableTimestamp;
    last_error: string | null;
    updated_at: Generated<Date>;
  };
  mirror_sync_usage: { scope: string; month: string; request_count: number };
  mirror_sync_problems: {
    id: Generated<string>;
    scope: string;
    occurred_at: Generated<Date>;
    kind: string;
    resource: string | null;
    uuid: string | null;
    message: string;
  };
};

/**
 * A row of a mirror table as the store sends it (mirror-records.server.ts builds
 * it, mirror-store.server.ts writes it through JSON): every column but those the
 * store sets itself (scope, confirmed_at, provisional, record_hash), timestamps as ISO text,
 * and the record as JSON text.
 */
export type MirrorRowValues<Table extends "mirror_customers" | "mirror_jobs" | "mirror_locations"> = {
  [Column in Exclude<keyof MirrorTables[Table], "scope" | "confirmed_at" | "provisional" | "record_hash">]: Exclude<
    InsertType<MirrorTables[Table][Column]>,
    Date
  >;
} & { record: string };

export type MirrorDb = Kysely<AppDatabaseSchema & MirrorTables>;

export async function mirrorDatabase(): Promise<{ db: MirrorDb; kind: "pglite" | "postgres" }> {
  // What earlier CRM answers taught the mirror is written before anything here reads or writes it.
  await mirrorWritesSettled();
  const { db, kind } = await appDatabase();
  return { db: db.withTables<MirrorTables>(), kind };
}
