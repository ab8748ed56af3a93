import { randomAddress, type Address } from "./contact";
import type { CustomerRow } from "./customers";
import { CUSTOMER_JOB_NOTES, FILLERS, INTERNAL_JOB_NOTES, JOB_TYPES, TRADE_WEIGHTS, type JobType, type Trade, type WorkKind } from "./job-catalog";
import { BILLABLE_STATUSES, buildTimeline, pickStatus, type JobStatus } from "./job-timeline";
import { DAY_MS, MINUTE_MS } from "./local-time";
import type { Random } from "./random";
import { HISTORY_MS, laterMoment, officeMoment, sortedByCreatedAt, type SeedContext } from "./seed-context";

export type JobPriority = "Low" | "Normal" | "High" | "Emergency";

/** One jobs row, column for column (minus the generated search column). */
export interface JobRow {
  uuid: string;
  company_uuid: string;
  job_number: string;
  customer_uuid: string;
  location_uuid: string | null;
  assigned_to_user_id: string | null;
  title: string;
  description: string | null;
  status: JobStatus;
  priority: JobPriority;
  is_urgent: boolean;
  is_emergency: boolean;
  service_address1: string | null;
  service_address2: string | null;
  service_city: string | null;
  service_state: string | null;
  service_zip: string | null;
  /** Numeric as a string with two decimals ("1249.00"), exactly as stored. */
  estimated_amount: string | null;
  actual_amount: string | null;
  scheduled_date: Date | null;
  scheduled_time_start: string | null;
  scheduled_time_end: string | null;
  started_at: Date | null;
  completed_at: Date | null;
  invoiced_at: Date | null;
  paid_at: Date | null;
  internal_notes: string | null;
  customer_notes: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const DELETED_SHARE = 0.03;

export function formatJobNumber(number: number): string {
  return `JOB-${String(number).padStart(4, "0")}`;
}

/**
 * Generates jobs for the given (already generated) customers, sorted by
 * created_at and numbered from firstNumber in that order, as the CRM would
 * have numbered them when they were created.
 */
export function generateJobs(rng: Random, context: SeedContext, customers: readonly CustomerRow[], count: number, firstNumber: number): JobRow[] {
  if (count === 0) return [];
  const pickCustomer = customerPicker(rng, context, customers);
  const pickTechnician = technicianPicker(rng, context.technicianIds);
  const jobs: JobRow[] = [];
  for (let index = 0; index < count; index += 1) jobs.push(generateJob(rng, context, pickCustomer(), pickTechnician));
  const sorted = sortedByCreatedAt(jobs);
  for (let index = 0; index < sorted.length; index += 1) {
    const job = sorted[index] as JobRow;
    job.job_number = formatJobNumber(firstNumber + index);
  }
  return sorted;
}

/** The job_number is filled in once all jobs are sorted by creation time. */
function generateJob(rng: Random, context: SeedContext, customer: CustomerRow, pickTechnician: () => string | null): JobRow {
  const { now, metro } = context;
  const commercial = customer.customer_type === "Commercial";
  const type = pickJobType(rng, commercial);
  const customerCreated = customer.created_at.getTime();
  // A quarter of jobs are the call that made someone a customer; the rest are repeat work.
  const createdAt = rng.chance(0.25) ? Math.min(customerCreated + rng.int(1, 90) * MINUTE_MS, now) : officeMoment(rng, metro, customerCreated, now, 1.3);

  const priority = pickPriority(rng, type.kind);
  const isEmergency = priority === "Emergency" ? rng.chance(0.7) : rng.chance(0.005);
  const isUrgent = rng.chance(priority === "Emergency" ? 0.8 : priority === "High" ? 0.25 : priority === "Normal" ? 0.035 : 0);

  const timeline = buildTimeline(rng, {
    metro,
    now,
    createdAt,
    status: pickStatus(rng, now - createdAt, priority === "Emergency"),
    kind: type.kind,
    hours: type.hours,
  });
  const status = timeline.status;
  const estimate = hasEstimate(rng, status) ? estimateCents(rng, type, commercial, priority) : null;
  const actual = BILLABLE_STATUSES.has(status) ? actualCents(rng, type, estimate) : null;
  const service = serviceAddress(rng, context, customer, commercial);

  const deletable = now - timeline.lastEvent > 2 * MINUTE_MS;
  const deletedAt = deletable && rng.chance(DELETED_SHARE) ? laterMoment(rng, timeline.lastEvent + MINUTE_MS, rng.int(1, 60) * DAY_MS, now) : null;
  const updatedAt = deletedAt ?? Math.max(timeline.lastEvent, createdAt);

  return {
    uuid: rng.uuid(),
    company_uuid: context.companyUuid,
    job_number: "",
    customer_uuid: customer.uuid,
    location_uuid: pickLocation(rng, context, service.city ?? null),
    assigned_to_user_id: rng.chance(assignShare(status)) ? pickTechnician() : null,
    title: type.title,
    description: rng.chance(0.92) ? fill(rng, rng.pick(type.descriptions)) : null,
    status,
    priority,
    is_urgent: isUrgent,
    is_emergency: isEmergency,
    service_address1: service.address1 ?? null,
    service_address2: service.address2 ?? null,
    service_city: service.city ?? null,
    service_state: service.state ?? null,
    service_zip: service.zip ?? null,
    estimated_amount: estimate === null ? null : formatCents(estimate),
    actual_amount: actual === null ? null : formatCents(actual),
    scheduled_date: timeline.scheduledDate,
    scheduled_time_start: timeline.timeStart,
    scheduled_time_end: timeline.timeEnd,
    started_at: toDate(timeline.startedAt),
    completed_at: toDate(timeline.completedAt),
    invoiced_at: toDate(timeline.invoicedAt),
    paid_at: toDate(timeline.paidAt),
    internal_notes: rng.chance(0.25) ? rng.pick(INTERNAL_JOB_NOTES) : null,
    customer_notes: rng.chance(0.18) ? rng.pick(CUSTOMER_JOB_NOTES) : null,
    created_at: new Date(createdAt),
    updated_at: new Date(updatedAt),
    deleted_at: toDate(deletedAt),
  };
}

/**
 * Weighted draw over active customers. Weights are heavy-tailed (log-normal):
 * most households call once or twice, while a property manager or a
 * restaurant group can have hundreds of jobs. Older customers have had more
 * time to call again.
 */
function customerPicker(rng: Random, context: SeedContext, customers: readonly CustomerRow[]): () => CustomerRow {
  const active = customers.filter((customer) => customer.deleted_at === null);
  if (active.length === 0) throw new Error("seedDemoData: jobs need at least one customer that is not deleted");
  const cumulative = new Float64Array(active.length);
  let total = 0;
  active.forEach((customer, index) => {
    const age = Math.min(1, (context.now - customer.created_at.getTime()) / HISTORY_MS);
    const base = customer.customer_type === "Commercial" ? 3 : 1;
    const spread = customer.customer_type === "Commercial" ? 1.1 : 0.8;
    total += base * (customer.is_vip ? 1.8 : 1) * (0.35 + 0.65 * age) * Math.exp(spread * gaussian(rng));
    cumulative[index] = total;
  });
  return () => {
    const target = rng.next() * total;
    let low = 0;
    let high = active.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return active[low] as CustomerRow;
  };
}

/** Some technicians run more calls than others. */
function technicianPicker(rng: Random, technicianIds: readonly string[]): () => string | null {
  const weighted = technicianIds.map((id) => [id, rng.float(0.6, 1.4)] as const);
  return () => (weighted.length === 0 ? null : rng.weighted(weighted));
}

const KIND_WEIGHTS: Readonly<Record<WorkKind, number>> = { routine: 3, repair: 4, install: 2, emergency: 0.8 };

const TYPE_TABLES = new Map<string, ReadonlyArray<readonly [JobType, number]>>();

function pickJobType(rng: Random, commercial: boolean): JobType {
  const trade: Trade = rng.weighted(TRADE_WEIGHTS);
  const key = `${trade}:${commercial}`;
  let table = TYPE_TABLES.get(key);
  if (!table) {
    table = JOB_TYPES.filter((type) => type.trade === trade && (type.audience === "any" || type.audience === (commercial ? "commercial" : "residential"))).map(
      (type) => [type, KIND_WEIGHTS[type.kind] * (type.audience === "commercial" ? 2 : 1)] as const,
    );
    TYPE_TABLES.set(key, table);
  }
  return rng.weighted(table);
}

function pickPriority(rng: Random, kind: WorkKind): JobPriority {
  switch (kind) {
    case "emergency":
      return rng.weighted([
        ["Emergency", 35],
        ["High", 40],
        ["Normal", 25],
      ] as const);
    case "repair":
      return rng.weighted([
        ["Emergency", 1.5],
        ["High", 22],
        ["Normal", 65],
        ["Low", 11.5],
      ] as const);
    case "routine":
      return rng.weighted([
        ["High", 4],
        ["Normal", 60],
        ["Low", 36],
      ] as const);
    case "install":
      return rng.weighted([
        ["High", 8],
        ["Normal", 72],
        ["Low", 20],
      ] as const);
  }
}

/** New leads and first contacts often have no price yet; later stages nearly always do. */
function hasEstimate(rng: Random, status: JobStatus): boolean {
  if (status === "New") return rng.chance(0.3);
  if (status === "Contacted") return rng.chance(0.5);
  return rng.chance(0.92);
}

function estimateCents(rng: Random, type: JobType, commercial: boolean, priority: JobPriority): number {
  const [min, max] = type.estimate;
  let dollars = min + (max - min) * Math.pow(rng.next(), 1.4);
  if (commercial) dollars *= rng.float(1, 1.5);
  if (priority === "Emergency") dollars *= 1.2; // after-hours premium
  // Price-book style: mostly round figures, some ".99" and some exact.
  return rng.weighted([
    [Math.round(dollars / 5) * 500, 65],
    [Math.max(1, Math.round(dollars)) * 100 - 1, 20],
    [Math.round(dollars * 100), 15],
  ] as const);
}

function actualCents(rng: Random, type: JobType, estimate: number | null): number {
  if (rng.chance(0.015)) return 0; // warranty callback: no charge
  if (estimate === null) {
    const [min, max] = type.estimate;
    return Math.round((min + (max - min) * rng.next()) * 100);
  }
  if (rng.chance(0.5)) return estimate;
  return Math.round(estimate * rng.float(0.85, 1.35));
}

function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

function assignShare(status: JobStatus): number {
  switch (status) {
    case "New":
      return 0.08;
    case "Contacted":
      return 0.15;
    case "Estimate Sent":
      return 0.75;
    case "Estimate Approved":
      return 0.7;
    case "Scheduled":
      return 0.95;
    default:
      return 0.98;
  }
}

/** Mostly at the customer's own address; sometimes a rental they own or another site of the business. */
function serviceAddress(rng: Random, context: SeedContext, customer: CustomerRow, commercial: boolean): Address {
  const home = customer.physical_address1;
  if (home !== null && customer.physical_city !== null && customer.physical_state !== null && customer.physical_zip !== null && rng.chance(0.9)) {
    return { address1: home, address2: customer.physical_address2, city: customer.physical_city, state: customer.physical_state, zip: customer.physical_zip };
  }
  return randomAddress(rng, context.metro, commercial ? "business" : "home");
}

/** Jobs are run from a branch for about 60% of jobs; the branch in the same city when there is one. */
function pickLocation(rng: Random, context: SeedContext, city: string | null): string | null {
  if (context.locations.length === 0 || !rng.chance(0.6)) return null;
  const local = context.locations.find((location) => location.city === city);
  if (local && rng.chance(0.7)) return local.uuid;
  return rng.pick(context.locations).uuid;
}

function fill(rng: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key === "age") return String(rng.int(6, 24));
    if (key === "count") return String(rng.int(2, 6));
    if (key === "code") return String(rng.int(1000, 9999));
    const options = FILLERS[key];
    return options ? rng.pick(options) : key;
  });
}

function gaussian(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function toDate(value: number | null): Date | null {
  return value === null ? null : new Date(value);
}
