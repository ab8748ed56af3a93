import "server-only";

/**
 * The dashboard's own schema, applied in order at start-up and recorded in
 * app_migrations. Append new entries; never edit one that has shipped.
 *
 * 001 holds Better Auth's tables (user, session, account, verification, with
 * the admin plugin's role and ban columns) as its migration generator emitted
 * them for this configuration, frozen here so that an upgrade of the library
 * changes the schema only through a new, reviewed migration.
 */
export const appMigrations: ReadonlyArray<{ id: string; sql: string }> = [
  {
    id: "001_accounts",
    sql: /* sql */ `
create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" boolean not null, "image" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null, "role" text, "banned" boolean, "banReason" text, "banExpires" timestamptz);
create table "session" ("id" text not null primary key, "expiresAt" timestamptz not null, "token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade, "impersonatedBy" text);
create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz, "refreshTokenExpiresAt" timestamptz, "scope" text, "password" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null);
create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
create index "session_userId_idx" on "session" ("userId");
create index "account_userId_idx" on "account" ("userId");
create index "verification_identifier_idx" on "verification" ("identifier");
`,
  },
  {
    id: "002_app_tables",
    sql: /* sql */ `
-- Values the app generates once and keeps, such as the session-signing secret
-- when AUTH_SECRET is not configured.
create table app_settings (
  key text primary key,
  value text not null,
  created_at timestamptz(3) not null default now()
);

-- Who changed what through the dashboard. The CRM only ever sees one
-- company-wide key, so this is the only record of the person behind a change.
create table audit_log (
  id bigserial primary key,
  occurred_at timestamptz(3) not null default now(),
  actor_user_id text,
  actor_email text not null,
  action text not null,
  resource text not null,
  resource_id text,
  -- Field name -> { from, to }; secrets are recorded by name only.
  changes jsonb,
  request_id text,
  outcome text not null check (outcome in ('accepted', 'rejected', 'failed')),
  detail text
);
create index audit_log_recent on audit_log (occurred_at desc, id desc);
create index audit_log_resource on audit_log (resource, resource_id, occurred_at desc);
create index audit_log_actor on audit_log (actor_user_id, occurred_at desc);

-- Failed sign-ins, for per-account and per-IP throttling.
create table sign_in_failures (
  id bigserial primary key,
  email text not null,
  ip text not null,
  occurred_at timestamptz(3) not null default now()
);
create index sign_in_failures_email on sign_in_failures (email, occurred_at desc);
create index sign_in_failures_ip on sign_in_failures (ip, occurred_at desc);
`,
  },
  {
    id: "003_crm_usage",
    sql: /* sql */ `
-- Upstream CRM requests per calendar month (UTC), counted by this dashboard,
-- to compare with the plan's monthly allowance before the CRM starts refusing.
create table crm_usage (
  month text primary key, -- 'YYYY-MM'
  request_count integer not null default 0,
  updated_at timestamptz(3) not null default now()
);
`,
  },
];
