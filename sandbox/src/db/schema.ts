/**
 * The sandbox's schema, applied in order at start-up. Each entry is applied
 * once and recorded in sandbox_migrations, so an existing data directory (or
 * Postgres database) is upgraded in place. Append; never edit an applied one.
 */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [
  {
    id: "001_initial",
    sql: /* sql */ `
create extension if not exists pg_trgm;

-- One company per API key. The key itself is never stored, only its SHA-256.
create table companies (
  uuid uuid primary key,
  name text not null,
  api_key_sha256 text not null unique,
  created_at timestamptz(3) not null default now()
);

-- Requests counted per company and calendar month (UTC), for the quota.
create table usage_counters (
  company_uuid uuid not null references companies(uuid),
  month text not null, -- 'YYYY-MM'
  request_count integer not null default 0,
  primary key (company_uuid, month)
);

-- People jobs can be assigned to. The API has no users endpoint: they are
-- company set-up, visible only embedded in jobs as assigned_user.
create table users (
  id uuid primary key,
  company_uuid uuid not null references companies(uuid),
  first_name text not null,
  last_name text not null,
  role text not null default 'technician'
);
create index users_company on users (company_uuid);

create table locations (
  uuid uuid primary key,
  company_uuid uuid not null references companies(uuid),
  name text not null,
  address1 text,
  address2 text,
  city text,
  state text,
  zip text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  deleted_at timestamptz(3)
);
create index locations_list on locations (company_uuid, created_at desc, uuid desc);

create table customers (
  uuid uuid primary key,
  company_uuid uuid not null references companies(uuid),
  first_name text not null,
  last_name text not null,
  company_name text,
  email text,
  phone text,
  customer_type text not null default 'Residential',
  is_vip boolean not null default false,
  physical_address1 text,
  physical_address2 text,
  physical_city text,
  physical_state text,
  physical_zip text,
  billing_address1 text,
  billing_address2 text,
  billing_city text,
  billing_state text,
  billing_zip text,
  primary_service_location_uuid uuid,
  notes text,
  internal_flags jsonb,
  on_my_way_notify_via text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  deleted_at timestamptz(3),
  -- Search support. Fields are joined with a unit separator (U+001F) that a
  -- search term cannot contain, so a substring match never spans two fields;
  -- "first last" is one segment so a full name matches.
  search_text text generated always as (
    lower(
      first_name || chr(31) || last_name || chr(31) || first_name || ' ' || last_name || chr(31) ||
      coalesce(company_name, '') || chr(31) || coalesce(email, '') || chr(31) ||
      coalesce(phone, '') || chr(31) || uuid::text
    )
  ) stored,
  phone_digits text generated always as (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) stored
);
create index customers_list on customers (company_uuid, created_at desc, uuid desc);
create index customers_search on customers using gin (search_text gin_trgm_ops);
create index customers_phone_digits on customers using gin (phone_digits gin_trgm_ops);

create table jobs (
  uuid uuid primary key,
  company_uuid uuid not null references companies(uuid),
  job_number text,
  customer_uuid uuid not null references customers(uuid),
  location_uuid uuid references locations(uuid),
  assigned_to_user_id uuid references users(id),
  title text not null,
  description text,
  status text not null default 'New',
  priority text not null default 'Normal',
  is_urgent boolean not null default false,
  is_emergency boolean not null default false,
  service_address1 text,
  service_address2 text,
  service_city text,
  service_state text,
  service_zip text,
  estimated_amount numeric(12, 2),
  actual_amount numeric(12, 2),
  scheduled_date timestamptz(3),
  scheduled_time_start text,
  scheduled_time_end text,
  started_at timestamptz(3),
  completed_at timestamptz(3),
  invoiced_at timestamptz(3),
  paid_at timestamptz(3),
  internal_notes text,
  customer_notes text,
  created_at timestamptz(3) not null default now(),
  updated_at timestamptz(3) not null default now(),
  deleted_at timestamptz(3),
  search_text text generated always as (
    lower(title || chr(31) || coalesce(description, '') || chr(31) || coalesce(job_number, ''))
  ) stored
);
create index jobs_list on jobs (company_uuid, created_at desc, uuid desc);
create index jobs_status on jobs (company_uuid, status, created_at desc, uuid desc);
create index jobs_customer on jobs (customer_uuid, created_at desc);
create index jobs_location on jobs (location_uuid, created_at desc);
create index jobs_assignee on jobs (assigned_to_user_id, created_at desc);
create index jobs_priority on jobs (company_uuid, priority, created_at desc);
create index jobs_search on jobs using gin (search_text gin_trgm_ops);

-- Per-company sequence for JOB-0001, JOB-0002, ...
create table job_number_counters (
  company_uuid uuid primary key references companies(uuid),
  last_number integer not null
);

-- Idempotency-Key records: 'in_flight' while the first request runs, then
-- 'done' with the response to replay for 24 hours.
create table idempotency_keys (
  company_uuid uuid not null references companies(uuid),
  key text not null,
  method text not null,
  path text not null,
  body_sha256 text not null,
  state text not null check (state in ('in_flight', 'done')),
  response_status integer,
  response_body text,
  created_at timestamptz(3) not null default now(),
  primary key (company_uuid, key)
);
`,
  },
  {
    id: "002_scale_indexes",
    sql: /* sql */ `
-- Every list answers with its total: a count(*) over the company's active
-- (not deleted) rows. The list indexes above cannot say whether a row is
-- deleted, so those counts read every row. These narrow partial indexes
-- (deduplicated by btree, 1-2 MB at 300k jobs) let the counts run as
-- index-only scans once VACUUM has marked pages all-visible; the demo-data
-- seeder vacuums after loading. Measured at 100k customers / 300k jobs on
-- PGlite (docs/sandbox-scale.md): total of all jobs ~180 -> ~55 ms, jobs of
-- one status (Complete, 224k) ~170 -> ~45 ms, of one technician ~30 -> ~5 ms,
-- all customers ~80 -> ~30 ms, VIP customers ~40 -> ~3 ms.
create index customers_active_count on customers (company_uuid, customer_type, is_vip) where deleted_at is null;
create index jobs_active_status on jobs (company_uuid, status) where deleted_at is null;
create index jobs_active_assignee on jobs (company_uuid, assigned_to_user_id) where deleted_at is null;
create index jobs_active_location on jobs (company_uuid, location_uuid) where deleted_at is null;
create index jobs_active_priority on jobs (company_uuid, priority) where deleted_at is null;
`,
  },
  {
    id: "003_list_generations",
    sql: /* sql */ `
-- A generation number per company and listed table, bumped by every write
-- to that table's rows in the same transaction as the write. List handlers
-- cache their totals in process memory tagged with the generation they read
-- before counting (sandbox/src/db/list-totals.ts), and use a cached total only
-- while the generation is unchanged. The number lives here, not in memory, so
-- sandboxes sharing one Postgres (SANDBOX_DATABASE_URL) see each other's
-- writes: a write by one bumps the row every process reads before answering.
-- No row means generation 0 (nothing written since this migration).
create table list_generations (
  company_uuid uuid not null references companies(uuid),
  resource text not null check (resource in ('customers', 'jobs', 'locations')),
  generation bigint not null,
  primary key (company_uuid, resource)
);

-- Bumped by statement-level triggers rather than by each write path, so no
-- writer can forget it: the API's create, update, delete and restore, the
-- demo-data seeder, company set-up (locations) and any SQL run by hand or by
-- tests. One bump per statement and company (transition tables), so a bulk
-- insert of 2,000 rows costs one upsert, not 2,000. An UPDATE matching no
-- row bumps nothing. A TRUNCATE bumps every company of the table.
create function bump_list_generation() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'TRUNCATE' then
    update list_generations set generation = generation + 1 where resource = tg_table_name::text;
  elsif tg_op = 'INSERT' then
    insert into list_generations (company_uuid, resource, generation)
    select distinct company_uuid, tg_table_name::text, 1 from new_rows
    on conflict (company_uuid, resource) do update set generation = list_generations.generation + 1;
  elsif tg_op = 'UPDATE' then
    insert into list_generations (company_uuid, resource, generation)
    select company_uuid, tg_table_name::text, 1 from (select company_uuid from old_rows union select company_uuid from new_rows) as touched
    on conflict (company_uuid, resource) do update set generation = list_generations.generation + 1;
  else
    insert into list_generations (company_uuid, resource, generation)
    select distinct company_uuid, tg_table_name::text, 1 from old_rows
    on conflict (company_uuid, resource) do update set generation = list_generations.generation + 1;
  end if;
  return null;
end
$fn$;

create trigger customers_generation_insert after insert on customers referencing new table as new_rows for each statement execute function bump_list_generation();
create trigger customers_generation_update after update on customers referencing old table as old_rows new table as new_rows for each statement execute function bump_list_generation();
create trigger customers_generation_delete after delete on customers referencing old table as old_rows for each statement execute function bump_list_generation();
create trigger customers_generation_truncate after truncate on customers for each statement execute function bump_list_generation();
create trigger jobs_generation_insert after insert on jobs referencing new table as new_rows for each statement execute function bump_list_generation();
create trigger jobs_generation_update after update on jobs referencing old table as old_rows new table as new_rows for each statement execute function bump_list_generation();
create trigger jobs_generation_delete after delete on jobs referencing old table as old_rows for each statement execute function bump_list_generation();
create trigger jobs_generation_truncate after truncate on jobs for each statement execute function bump_list_generation();
create trigger locations_generation_insert after insert on locations referencing new table as new_rows for each statement execute function bump_list_generation();
create trigger locations_generation_update after update on locations referencing old table as old_rows new table as new_rows for each statement execute function bump_list_generation();
create trigger locations_generation_delete after delete on locations referencing old table as old_rows for each statement execute function bump_list_generation();
create trigger locations_generation_truncate after truncate on locations for each statement execute function bump_list_generation();
`,
  },
  {
    id: "004_active_list_indexes",
    sql: /* sql */ `
-- The lists' usual question is "the active rows of a company, newest first,
-- page N". The *_list indexes above order every row, deleted or not, so
-- skipping to page N meant reading each skipped row from the table to check
-- deleted_at. These partial indexes hold active rows only: the handlers page
-- their ids from the index alone (a deferred join, index-only once VACUUM has
-- marked the pages all-visible), then read just the page's rows.
create index customers_list_active on customers (company_uuid, created_at desc, uuid desc) where deleted_at is null;
create index jobs_list_active on jobs (company_uuid, created_at desc, uuid desc) where deleted_at is null;
create index jobs_status_list_active on jobs (company_uuid, status, created_at desc, uuid desc) where deleted_at is null;
`,
  },
  {
    id: "005_customer_search_grams",
    sql: /* sql */ `
-- Totals of customer searches one or two characters long. pg_trgm can use
-- customers_search only for a pattern with a run of three characters, so
-- counting "an" (28k of 100k customers) read every customer: 60-100 ms on
-- PGlite, on the first list after any customer write. This table holds, per
-- company, how many customers' search_text contain each one- and
-- two-character substring (a "gram"), split by the columns the list filters
-- on, so such a total is a sum over at most eight rows. Substrings that span
-- a field separator (U+001F) are left out: a term cannot contain it.
-- Kept exact by the triggers below, in the writing transaction, whoever
-- writes; counts that fall to zero stay as rows (harmless, and bounded by the
-- number of distinct grams). The bulk seeder fills it in JavaScript instead
-- (sandbox/src/db/customer-search-grams.ts mirrors customer_search_grams_of).
create table customer_search_grams (
  company_uuid uuid not null,
  gram text not null,
  customer_type text not null,
  is_vip boolean not null,
  is_deleted boolean not null,
  customers integer not null,
  primary key (company_uuid, gram, customer_type, is_vip, is_deleted)
);

-- The distinct one- and two-character substrings of t (characters, not
-- bytes), none containing U+001F.
create function customer_search_grams_of(t text) returns text[] language plpgsql immutable strict as $fn$
declare
  grams text[] := array[]::text[];
  c text;
  previous text := null;
begin
  foreach c in array string_to_array(t, null) loop
    if c = chr(31) then
      previous := null;
      continue;
    end if;
    grams := grams || c;
    if previous is not null then
      grams := grams || (previous || c);
    end if;
    previous := c;
  end loop;
  return array(select distinct gram from unnest(grams) as gram);
end
$fn$;

-- Statement-level with transition tables, like bump_list_generation: a
-- batch of 2,000 inserted rows is one grouped upsert. Updates that leave
-- search_text, type, VIP flag and deletedness alone (most edits, and every
-- restore of an active record) change no count and are skipped. The trigger
-- names sort after customers_generation_*, and triggers of one event fire in
-- name order: a writer first locks its company's list_generations row, so
-- two writers of one company never upsert grams in opposite orders.
create function maintain_customer_search_grams() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'TRUNCATE' then
    delete from customer_search_grams;
  elsif tg_op = 'INSERT' then
    insert into customer_search_grams as g (company_uuid, gram, customer_type, is_vip, is_deleted, customers)
    select company_uuid, gram, customer_type, is_vip, deleted_at is not null, count(*)::int
    from new_rows, unnest(customer_search_grams_of(search_text)) as gram
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (company_uuid, gram, customer_type, is_vip, is_deleted) do update set customers = g.customers + excluded.customers;
  elsif tg_op = 'DELETE' then
    insert into customer_search_grams as g (company_uuid, gram, customer_type, is_vip, is_deleted, customers)
    select company_uuid, gram, customer_type, is_vip, deleted_at is not null, -count(*)::int
    from old_rows, unnest(customer_search_grams_of(search_text)) as gram
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (company_uuid, gram, customer_type, is_vip, is_deleted) do update set customers = g.customers + excluded.customers;
  else
    with unchanged as (
      select o.uuid from old_rows o join new_rows n on n.uuid = o.uuid
      where n.company_uuid = o.company_uuid and n.search_text = o.search_text and n.customer_type = o.customer_type
        and n.is_vip = o.is_vip and (n.deleted_at is null) = (o.deleted_at is null)
    ),
    changes as (
      select company_uuid, search_text, customer_type, is_vip, deleted_at is not null as is_deleted, -1 as delta
      from old_rows where uuid not in (select uuid from unchanged)
      union all
      select company_uuid, search_text, customer_type, is_vip, deleted_at is not null, 1
      from new_rows where uuid not in (select uuid from unchanged)
    )
    insert into customer_search_grams as g (company_uuid, gram, customer_type, is_vip, is_deleted, customers)
    select company_uuid, gram, customer_type, is_vip, is_deleted, sum(delta)::int
    from changes, unnest(customer_search_grams_of(search_text)) as gram
    group by 1, 2, 3, 4, 5 having sum(delta) <> 0 order by 1, 2, 3, 4, 5
    on conflict (company_uuid, gram, customer_type, is_vip, is_deleted) do update set customers = g.customers + excluded.customers;
  end if;
  return null;
end
$fn$;

create trigger customers_search_grams_insert after insert on customers referencing new table as new_rows for each statement execute function maintain_customer_search_grams();
create trigger customers_search_grams_update after update on customers referencing old table as old_rows new table as new_rows for each statement execute function maintain_customer_search_grams();
create trigger customers_search_grams_delete after delete on customers referencing old table as old_rows for each statement execute function maintain_customer_search_grams();
create trigger customers_search_grams_truncate after truncate on customers for each statement execute function maintain_customer_search_grams();

-- Customers already in the store (the demo data of an existing data directory).
insert into customer_search_grams (company_uuid, gram, customer_type, is_vip, is_deleted, customers)
select company_uuid, gram, customer_type, is_vip, deleted_at is not null, count(*)::int
from customers, unnest(customer_search_grams_of(search_text)) as gram
group by 1, 2, 3, 4, 5;
`,
  },
];
