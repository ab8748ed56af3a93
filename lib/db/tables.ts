import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the app's own tables (Better Auth's tables are its own business). */
export interface AppDatabaseSchema {
  app_settings: { key: string; value: string; created_at: Generated<Date> };
  audit_log: {
    id: Generated<string>;
    occurred_at: Generated<Date>;
    actor_user_id: string | null;
    actor_email: string;
    action: string;
    resource: string;
    resource_id: string | null;
    changes: ColumnType<AuditChanges | null, string | null, string | null>;
    request_id: string | null;
    outcome: "accepted" | "rejected" | "failed";
    detail: string | null;
    /** Rejected sign-ins: attempts this row stands for within its hour. */
    repeat_count: Generated<number>;
    last_occurred_at: Date | null;
    hour_bucket: Date | null;
  };
  crm_user_links: { user_id: string; crm_user_id: string; linked_at: Generated<Date> };
  crm_usage: { month: string; request_count: number; updated_at: Generated<Date> };
  trash_entries: {
    resource: "customer" | "job";
    uuid: string;
    deleted_at: ColumnType<Date, Date | string, Date | string>;
    deleted_by_user_id: string | null;
    deleted_by_email: string | null;
    deleted_with_customer: string | null;
    found_by: "dashboard" | "scan";
    label: string;
    search_text: string;
    summary: ColumnType<TrashSummary, string, string>;
    restored_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
    restored_by_email: string | null;
    restore_key: string | null;
    updated_at: Generated<Date>;
  };
  trash_scans: {
    id: string;
    resource: "customer" | "job";
    started_by_email: string;
    started_at: Generated<Date>;
    updated_at: Generated<Date>;
    pages_done: number;
    pages_total: number;
    requests: number;
    found: number;
    removed: number;
  };
  sign_in_throttle: { scope: "account_ip" | "ip"; key: string; failures: number; last_failure_at: Date };
  /** Changes of customers and jobs for the open tabs (migration 012, ADR-022); ids are bigserial, read as strings. */
  live_events: {
    id: Generated<string>;
    occurred_at: Generated<Date>;
    record_kind: "customer" | "job";
    record_id: string;
    action: string;
    fields: string[];
    actor_user_id: string | null;
    actor_name: string;
    source: "dashboard" | "sync";
  };
  password_change_required: { user_id: string; set_at: Generated<Date>; set_by_email: string };
  /** Better Auth's short-lived keys; read only to find whose two-factor challenge a cookie names. */
  verification: { id: string; identifier: string; value: string; expiresAt: Date };
  user: {
    id: string;
    name: string;
    email: string;
    role: string | null;
    banned: boolean | null;
    createdAt: Date;
    twoFactorEnabled: boolean | null;
  };
}

export type AuditChanges = Record<string, { from?: unknown; to?: unknown } | "changed">;

/** What the trash shows of a record without asking the CRM: kept from when it was deleted or last checked. */
export type TrashSummary = Record<string, string | null>;
