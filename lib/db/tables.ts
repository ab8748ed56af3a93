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
  };
  crm_usage: { month: string; request_count: number; updated_at: Generated<Date> };
  sign_in_failures: { id: Generated<string>; email: string; ip: string; occurred_at: Generated<Date> };
  user: {
    id: string;
    name: string;
    email: string;
    role: string | null;
    banned: boolean | null;
    createdAt: Date;
  };
}

export type AuditChanges = Record<string, { from?: unknown; to?: unknown } | "changed">;
