import "server-only";

/**
 * The dashboard's own schema, applied in order at start-up and recorded in
 * app_migrations. Append new entries; never edit one that has shipped.
 *
 * 001 holds Better Auth's tables (user, session, account, verification, with
 * the admin plugin's role and ban columns) as its migration generator emitted
 * them for this configuration, frozen here so that an upgrade of the library
 * changes the schema only through a new, reviewed migration.
 *
 * Over 300 lines on purpose: the list is the schema's history, read and
 * appended in one order; splitting it would hide that order across files.
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
  {
    id: "004_trash",
    sql: /* sql */ `
-- Records known to be soft-deleted in the CRM. The CRM has no "only deleted"
-- filter (include_deleted returns everything), so the trash is this index:
-- deletions made through the dashboard are written at once, with who made
-- them; deletions made elsewhere are added by a scan someone starts. The CRM
-- stays the truth: the trash checks each row it shows against it.
create table trash_entries (
  resource text not null check (resource in ('customer', 'job')),
  uuid text not null,
  deleted_at timestamptz(3) not null,
  deleted_by_user_id text,
  deleted_by_email text,
  -- A job deleted together with its customer, so restoring the customer can offer it back.
  deleted_with_customer text,
  found_by text not null check (found_by in ('dashboard', 'scan')),
  label text not null,
  search_text text not null,
  summary jsonb not null,
  -- Set when the record left the trash; the row stays so a retried restore is
  -- recognised and "already restored" can say by whom.
  restored_at timestamptz(3),
  restored_by_email text,
  restore_key text,
  updated_at timestamptz(3) not null default now(),
  primary key (resource, uuid)
);
create index trash_entries_listing on trash_entries (resource, deleted_at desc, uuid) where restored_at is null;
create index trash_entries_with_customer on trash_entries (deleted_with_customer) where restored_at is null;

-- Full scans of the CRM for records deleted elsewhere: what each one cost.
create table trash_scans (
  id text primary key,
  resource text not null check (resource in ('customer', 'job')),
  started_by_email text not null,
  started_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  pages_done integer not null default 0,
  pages_total integer not null,
  requests integer not null default 0,
  found integer not null default 0,
  removed integer not null default 0
);
create index trash_scans_recent on trash_scans (resource, updated_at desc);
`,
  },
  {
    id: "005_crm_user_links",
    sql: /* sql */ `
-- A dashboard account linked to the CRM user jobs are assigned to. The CRM has
-- no users endpoint, so this is how a staff member appears in the assignee
-- lists before any job of theirs has been seen.
create table crm_user_links (
  user_id text primary key references "user" ("id") on delete cascade,
  crm_user_id text not null unique,
  linked_at timestamptz(3) not null default now()
);
`,
  },
  {
    id: "006_sign_in_throttle",
    sql: /* sql */ `
-- The sign-in throttle keeps one row per (scope, key): an account at an
-- address, or an address. Attempts are counted here before the password is
-- checked, so parallel attempts cannot all slip through, and rows are pruned
-- once quiet for an hour. It replaces the append-only failures table.
drop table sign_in_failures;
create table sign_in_throttle (
  scope text not null check (scope in ('account_ip', 'ip')),
  key text not null,
  failures integer not null,
  last_failure_at timestamptz(3) not null,
  primary key (scope, key)
);
create index sign_in_throttle_quiet on sign_in_throttle (last_failure_at);

-- Rejected sign-ins are kept as one audit row per account and hour, with the
-- number of attempts, instead of a row per attempt.
alter table audit_log add column repeat_count integer not null default 1;
alter table audit_log add column last_occurred_at timestamptz(3);
alter table audit_log add column hour_bucket timestamp(0);
with groups as (
  select actor_email, date_trunc('hour', occurred_at at time zone 'UTC') as hour,
         min(id) as keep, count(*) as attempts, max(occurred_at) as last
  from audit_log
  where action = 'sign_in' and outcome = 'rejected'
  group by 1, 2
)
update audit_log set repeat_count = groups.attempts, last_occurred_at = groups.last, hour_bucket = groups.hour
from groups where audit_log.id = groups.keep;
delete from audit_log
where action = 'sign_in' and outcome = 'rejected' and hour_bucket is null;
create unique index audit_log_rejected_sign_in_hour on audit_log (actor_email, hour_bucket) where hour_bucket is not null;
`,
  },
  {
    id: "007_passwords_and_two_factor",
    sql: /* sql */ `
-- Better Auth's two-factor plugin: the flag on the user and the TOTP secret and
-- backup codes (both encrypted with the auth secret), as its schema for this
-- configuration declares them.
alter table "user" add column "twoFactorEnabled" boolean default false;
create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" boolean default true, "failedVerificationCount" integer default 0, "lockedUntil" timestamptz);
create index "twoFactor_secret_idx" on "twoFactor" ("secret");
create index "twoFactor_userId_idx" on "twoFactor" ("userId");

-- Accounts whose password an admin set (a new account, a reset): the person
-- must choose their own before doing anything else. The row goes when they do.
create table password_change_required (
  user_id text primary key references "user" ("id") on delete cascade,
  set_at timestamptz(3) not null default now(),
  set_by_email text not null
);
`,
  },
  // ── The CRM mirror (ADR-014): see lib/mirror/ ──
  {
    id: "008_crm_mirror",
    sql: /* sql */ `
-- Trigram indexes serve the substring searches (address lookup, name search).
-- PGlite loads the extension in lib/db/app-database.server.ts; on Postgres 13+ it is
-- a trusted extension the database owner may create.
create extension if not exists pg_trgm;

-- Every customer, job and location of the company behind a CRM key, as the CRM
-- last confirmed it. scope is a hash of the CRM base URL and key (never the key):
-- every query filters by it, so one key's rows never show under another.
-- Sort columns are collate "C" over lower-cased text: the same order on PGlite
-- and on any Postgres, whatever its default locale.
create table mirror_customers (
  scope text not null,
  uuid text not null,
  first_name text not null,
  last_name text not null,
  sort_name text collate "C" not null,
  company_name text collate "C",
  email text collate "C",
  phone text,
  phone_digits text not null default '',
  customer_type text not null,
  is_vip boolean not null,
  city text collate "C",
  zip text collate "C",
  state text,
  tags text[] not null default '{}',
  lead_source text collate "C",
  email_opt_in boolean not null default false,
  sms_opt_in boolean not null default false,
  search_text text not null,
  -- Addresses as words (lower case, punctuation dropped) for the address lookup.
  physical_text text not null,
  billing_text text not null,
  created_at timestamptz(3) not null,
  updated_at timestamptz(3) not null,
  deleted_at timestamptz(3),
  confirmed_at timestamptz(3) not null,
  -- Set from a DELETE's answer, which carries no record: deleted_at is the
  -- dashboard's clock until the CRM's own record is next read.
  provisional boolean not null default false,
  primary key (scope, uuid)
);
create index mirror_customers_created on mirror_customers (scope, created_at, uuid) where deleted_at is null;
create index mirror_customers_name on mirror_customers (scope, sort_name, uuid) where deleted_at is null;
create index mirror_customers_city on mirror_customers (scope, city, uuid) where deleted_at is null;
create index mirror_customers_zip on mirror_customers (scope, zip, uuid) where deleted_at is null;
create index mirror_customers_email on mirror_customers (scope, email, uuid) where deleted_at is null;
create index mirror_customers_updated on mirror_customers (scope, updated_at, uuid) where deleted_at is null;
-- Empty values sort last both ways: a descending sort of a column that can be
-- empty needs an index of its own (the ascending one read backwards puts them first).
create index mirror_customers_city_desc on mirror_customers (scope, city desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_zip_desc on mirror_customers (scope, zip desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_deleted on mirror_customers (scope, deleted_at, uuid) where deleted_at is not null;
create index mirror_customers_confirmed on mirror_customers (scope, confirmed_at);
create index mirror_customers_tags on mirror_customers using gin (tags);
create index mirror_customers_search on mirror_customers using gin (search_text gin_trgm_ops);
create index mirror_customers_phone on mirror_customers using gin (phone_digits gin_trgm_ops);
create index mirror_customers_physical on mirror_customers using gin (physical_text gin_trgm_ops);
create index mirror_customers_billing on mirror_customers using gin (billing_text gin_trgm_ops);

create table mirror_jobs (
  scope text not null,
  uuid text not null,
  job_number text collate "C",
  -- The customer's name as customers sort ("last first"), for the address lookup's order.
  customer_sort text collate "C" not null default '',
  title text collate "C" not null,
  customer_uuid text,
  customer_name text collate "C" not null default '',
  location_uuid text,
  status text not null,
  priority text not null,
  priority_rank smallint not null,
  status_rank smallint not null,
  is_urgent boolean not null,
  is_emergency boolean not null,
  city text collate "C",
  zip text collate "C",
  scheduled_date date,
  scheduled_time_start text collate "C",
  scheduled_time_end text,
  assigned_to_user_id text,
  assignee_name text collate "C",
  estimated_amount numeric(14, 2),
  search_text text not null,
  address_text text not null,
  created_at timestamptz(3) not null,
  updated_at timestamptz(3) not null,
  deleted_at timestamptz(3),
  confirmed_at timestamptz(3) not null,
  -- Set from a DELETE's answer, which carries no record: deleted_at is the
  -- dashboard's clock until the CRM's own record is next read.
  provisional boolean not null default false,
  primary key (scope, uuid)
);
create index mirror_jobs_created on mirror_jobs (scope, created_at, uuid) where deleted_at is null;
create index mirror_jobs_status on mirror_jobs (scope, status, scheduled_date) where deleted_at is null;
create index mirror_jobs_schedule on mirror_jobs (scope, scheduled_date, scheduled_time_start) where deleted_at is null;
create index mirror_jobs_assignee on mirror_jobs (scope, assigned_to_user_id, scheduled_date) where deleted_at is null;
create index mirror_jobs_customer on mirror_jobs (scope, customer_uuid);
create index mirror_jobs_amount on mirror_jobs (scope, estimated_amount, uuid) where deleted_at is null;
create index mirror_jobs_amount_desc on mirror_jobs (scope, estimated_amount desc nulls last, uuid desc) where deleted_at is null;
-- The overview's urgent list: few rows among many.
create index mirror_jobs_urgent on mirror_jobs (scope, scheduled_date) where deleted_at is null and (is_urgent or is_emergency or priority = 'Emergency');
create index mirror_jobs_deleted on mirror_jobs (scope, deleted_at, uuid) where deleted_at is not null;
create index mirror_jobs_confirmed on mirror_jobs (scope, confirmed_at);
create index mirror_jobs_search on mirror_jobs using gin (search_text gin_trgm_ops);
create index mirror_jobs_address on mirror_jobs using gin (address_text gin_trgm_ops);

-- The records as the CRM sent them (parsed), apart from the columns above so
-- that the rows counts and filters scan stay narrow (a record is ~1 KB).
create table mirror_records (
  scope text not null,
  resource text not null check (resource in ('customers', 'jobs')),
  uuid text not null,
  record jsonb not null,
  primary key (scope, resource, uuid)
);

create table mirror_locations (
  scope text not null,
  uuid text not null,
  record jsonb not null,
  name text collate "C" not null,
  address_text text not null,
  created_at timestamptz(3),
  updated_at timestamptz(3),
  deleted_at timestamptz(3),
  confirmed_at timestamptz(3) not null,
  primary key (scope, uuid)
);

-- The sync of one scope: its settings (budget, pause), the full pass in
-- progress (so a restart resumes it from the page it reached) and its clocks.
create table mirror_sync (
  scope text primary key,
  budget_share real not null default 0.2,
  paused boolean not null default false,
  -- Why sync stopped by itself (the monthly limit): cleared by resume or a new month.
  halted_reason text,
  halted_at timestamptz(3),
  pass jsonb,
  last_pass_started_at timestamptz(3),
  last_pass_completed_at timestamptz(3),
  last_changes_at timestamptz(3),
  last_open_jobs_at timestamptz(3),
  last_run_at timestamptz(3),
  last_error text,
  updated_at timestamptz(3) not null default now()
);

-- What sync spent, per scope and UTC month (the usage meter counts everything).
create table mirror_sync_usage (
  scope text not null,
  month text not null,
  request_count integer not null default 0,
  primary key (scope, month)
);

-- What sync could not do: records it skipped, the limit it hit, failed pages.
create table mirror_sync_problems (
  id bigserial primary key,
  scope text not null,
  occurred_at timestamptz(3) not null default now(),
  kind text not null,
  resource text,
  uuid text,
  message text not null
);
create index mirror_sync_problems_recent on mirror_sync_problems (scope, occurred_at desc, id desc);
`,
  },
  // ── Counts of the mirror kept as it is written (ADR-014) ──
  {
    id: "009_mirror_tallies",
    sql: /* sql */ `
-- How many customers (by type and VIP) and jobs (by status) each scope holds,
-- active and deleted apart, so a list's total and the overview's counts are a
-- sum of a few rows instead of a count over 100,000. Statement triggers append
-- one row of net changes per statement (inserts never wait on each other, so
-- two instances writing at once neither block nor deadlock); readers sum the
-- rows, and fold them into one per bucket when they pile up.
create table mirror_tallies (
  id bigserial primary key,
  scope text not null,
  resource text not null,
  deleted boolean not null,
  bucket text not null,
  n bigint not null
);
create index mirror_tallies_scope on mirror_tallies (scope);

create function mirror_customer_tally() returns trigger language plpgsql as $fn$
begin
  insert into mirror_tallies (scope, resource, deleted, bucket, n)
  select scope, 'customers', deleted, bucket, sum(d) from (
    select scope, deleted_at is not null as deleted, customer_type || '|' || is_vip::text as bucket, 1 as d from tally_new
    union all
    select scope, deleted_at is not null, customer_type || '|' || is_vip::text, -1 from tally_old
  ) changes group by scope, deleted, bucket having sum(d) <> 0;
  return null;
end
$fn$;

create function mirror_job_tally() returns trigger language plpgsql as $fn$
begin
  insert into mirror_tallies (scope, resource, deleted, bucket, n)
  select scope, 'jobs', deleted, bucket, sum(d) from (
    select scope, deleted_at is not null as deleted, status as bucket, 1 as d from tally_new
    union all
    select scope, deleted_at is not null, status, -1 from tally_old
  ) changes group by scope, deleted, bucket having sum(d) <> 0;
  return null;
end
$fn$;

-- Transition tables need one trigger per event; the functions read both names,
-- so each event gets an empty stand-in for the one it lacks.
create function mirror_tally_insert() returns trigger language plpgsql as $fn$
begin
  if tg_table_name = 'mirror_customers' then
    insert into mirror_tallies (scope, resource, deleted, bucket, n)
    select scope, 'customers', deleted_at is not null, customer_type || '|' || is_vip::text, count(*) from tally_new group by 1, 3, 4;
  else
    insert into mirror_tallies (scope, resource, deleted, bucket, n)
    select scope, 'jobs', deleted_at is not null, status, count(*) from tally_new group by 1, 3, 4;
  end if;
  return null;
end
$fn$;

create function mirror_tally_delete() returns trigger language plpgsql as $fn$
begin
  if tg_table_name = 'mirror_customers' then
    insert into mirror_tallies (scope, resource, deleted, bucket, n)
    select scope, 'customers', deleted_at is not null, customer_type || '|' || is_vip::text, -count(*) from tally_old group by 1, 3, 4;
  else
    insert into mirror_tallies (scope, resource, deleted, bucket, n)
    select scope, 'jobs', deleted_at is not null, status, -count(*) from tally_old group by 1, 3, 4;
  end if;
  return null;
end
$fn$;

create trigger mirror_customers_tally_insert after insert on mirror_customers
  referencing new table as tally_new for each statement execute function mirror_tally_insert();
create trigger mirror_customers_tally_update after update on mirror_customers
  referencing old table as tally_old new table as tally_new for each statement execute function mirror_customer_tally();
create trigger mirror_customers_tally_delete after delete on mirror_customers
  referencing old table as tally_old for each statement execute function mirror_tally_delete();
create trigger mirror_jobs_tally_insert after insert on mirror_jobs
  referencing new table as tally_new for each statement execute function mirror_tally_insert();
create trigger mirror_jobs_tally_update after update on mirror_jobs
  referencing old table as tally_old new table as tally_new for each statement execute function mirror_job_tally();
create trigger mirror_jobs_tally_delete after delete on mirror_jobs
  referencing old table as tally_old for each statement execute function mirror_tally_delete();

-- What the mirror already holds.
insert into mirror_tallies (scope, resource, deleted, bucket, n)
select scope, 'customers', deleted_at is not null, customer_type || '|' || is_vip::text, count(*) from mirror_customers group by 1, 3, 4;
insert into mirror_tallies (scope, resource, deleted, bucket, n)
select scope, 'jobs', deleted_at is not null, status, count(*) from mirror_jobs group by 1, 3, 4;
`,
  },
  // ── An index for every sort the tables offer, and the address lookup's order (ADR-014) ──
  {
    id: "010_mirror_sort_indexes",
    sql: /* sql */ `
-- A sorted page is read in index order and stops after the page: without an
-- index, every page of a list of 300,000 sorts all of them first. (Tags, a
-- job's location and its actual amount are sorted by values read per row:
-- array_to_string cannot be indexed, and the other two live in other tables.) Columns that
-- can be empty get a second index for the descending order, which keeps the
-- empty ones last (the ascending index read backwards would put them first).
create index mirror_customers_company on mirror_customers (scope, company_name, uuid) where deleted_at is null;
create index mirror_customers_company_desc on mirror_customers (scope, company_name desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_email_desc on mirror_customers (scope, email desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_phone_order on mirror_customers (scope, (nullif(phone_digits, '')), uuid) where deleted_at is null;
create index mirror_customers_phone_order_desc on mirror_customers (scope, (nullif(phone_digits, '')) desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_type on mirror_customers (scope, (customer_type collate "C"), uuid) where deleted_at is null;
create index mirror_customers_vip on mirror_customers (scope, is_vip, uuid) where deleted_at is null;
create index mirror_customers_lead_source on mirror_customers (scope, lead_source, uuid) where deleted_at is null;
create index mirror_customers_lead_source_desc on mirror_customers (scope, lead_source desc nulls last, uuid desc) where deleted_at is null;
create index mirror_customers_address_order on mirror_customers (scope, (nullif(physical_text, '') collate "C"), uuid) where deleted_at is null;
create index mirror_customers_address_order_desc on mirror_customers (scope, (nullif(physical_text, '') collate "C") desc nulls last, uuid desc) where deleted_at is null;

create index mirror_jobs_number on mirror_jobs (scope, job_number, uuid) where deleted_at is null;
create index mirror_jobs_number_desc on mirror_jobs (scope, job_number desc nulls last, uuid desc) where deleted_at is null;
create index mirror_jobs_title on mirror_jobs (scope, (lower(title)), uuid) where deleted_at is null;
create index mirror_jobs_customer_name on mirror_jobs (scope, customer_name, uuid) where deleted_at is null;
create index mirror_jobs_status_order on mirror_jobs (scope, status_rank, uuid) where deleted_at is null;
create index mirror_jobs_priority_order on mirror_jobs (scope, priority_rank, uuid) where deleted_at is null;
create index mirror_jobs_date on mirror_jobs (scope, scheduled_date, uuid) where deleted_at is null;
create index mirror_jobs_date_desc on mirror_jobs (scope, scheduled_date desc nulls last, uuid desc) where deleted_at is null;
create index mirror_jobs_assignee_name on mirror_jobs (scope, assignee_name, uuid) where deleted_at is null;
create index mirror_jobs_assignee_name_desc on mirror_jobs (scope, assignee_name desc nulls last, uuid desc) where deleted_at is null;
create index mirror_jobs_city on mirror_jobs (scope, city, uuid) where deleted_at is null;
create index mirror_jobs_city_desc on mirror_jobs (scope, city desc nulls last, uuid desc) where deleted_at is null;
create index mirror_jobs_updated on mirror_jobs (scope, updated_at, uuid) where deleted_at is null;
-- The address lookup reads the service addresses that match in customers' name order.
create index mirror_jobs_customer_sort on mirror_jobs (scope, customer_sort, uuid) where deleted_at is null;
`,
  },
  // ── Creates by their intent, across instances (ADR-021) ──
  {
    id: "011_create_intents",
    sql: /* sql */ `
-- Each customer create the dashboard sent, by its person-scoped Idempotency-Key,
-- written before the CRM is asked: a retry of that intent (its answer lost, its
-- instance gone) is sent again with the same key, which the CRM replays, instead
-- of being told the customer it made is a possible duplicate of itself. Shared by
-- every instance; kept as long as the CRM replays a key (24 hours).
create table create_intents (
  idempotency_key text primary key,
  started_at timestamptz(3) not null default now(),
  customer_uuid text
);
create index create_intents_started on create_intents (started_at);
`,
  },
  // ── What changed, for the open tabs (ADR-022) ──
  {
    id: "012_live_events",
    sql: /* sql */ `
-- Every accepted change of a customer or job (through the dashboard, or found
-- by the sync), in order: the live stream (/api/events) sends each to the open
-- tabs, and a tab that reconnects asks for what came after the last id it saw.
-- Kept 24 hours; a tab further behind refetches everything instead.
create table live_events (
  id bigserial primary key,
  occurred_at timestamptz(3) not null default now(),
  record_kind text not null check (record_kind in ('customer', 'job')),
  record_id text not null,
  action text not null,
  fields text[] not null default '{}',
  actor_user_id text,
  actor_name text not null,
  source text not null check (source in ('dashboard', 'sync'))
);
create index live_events_occurred on live_events (occurred_at);
`,
  },
  // ── A record read again unchanged costs one small write (ADR-024) ──
  {
    id: "013_mirror_confirmation_writes",
    sql: /* sql */ `
-- Every answer the CRM gives marks its records confirmed (confirmed_at). Most
-- come back unchanged, so that is usually the only column written; without an
-- index on it, Postgres updates the row in place (a HOT update) instead of
-- adding an entry to each of the table's twenty-odd indexes, trigram ones
-- included. Its readers are the sync's once-a-pass scans, which do without.
-- Pages keep a tenth free so the new row version fits beside the old one.
-- record_hash (of the row as the dashboard writes it: the record and the
-- columns derived from it) tells an unchanged record without comparing the
-- records themselves; rows without one are written in full once.
alter table mirror_customers add column record_hash text;
alter table mirror_jobs add column record_hash text;
drop index mirror_customers_confirmed;
drop index mirror_jobs_confirmed;
alter table mirror_customers set (fillfactor = 90);
alter table mirror_jobs set (fillfactor = 90);
`,
  },
];
