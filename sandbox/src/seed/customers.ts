import { METROS, type Metro } from "./addresses";
import { fillCode, personalEmail, pickCity, randomAddress, randomPhone, remoteAddress, workEmail, type Address } from "./contact";
import { DAY_MS, HOUR_MS, localDayOf, atLocal, MINUTE_MS } from "./local-time";
import { BUSINESS_KINDS, BUSINESS_PREFIXES, COMMERCIAL_NOTES, FIRST_NAMES, LAST_NAMES, LEGACY_SYSTEMS, RESIDENTIAL_NOTES } from "./names";
import type { Random } from "./random";
import { HISTORY_MS, laterMoment, officeMoment, type SeedContext } from "./seed-context";

export type CustomerType = "Residential" | "Commercial";
export type NotifyVia = "email" | "sms" | "both";

/** One customers row, column for column (minus the generated search columns). */
export interface CustomerRow {
  uuid: string;
  company_uuid: string;
  first_name: string;
  last_name: string;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  customer_type: CustomerType;
  is_vip: boolean;
  physical_address1: string | null;
  physical_address2: string | null;
  physical_city: string | null;
  physical_state: string | null;
  physical_zip: string | null;
  billing_address1: string | null;
  billing_address2: string | null;
  billing_city: string | null;
  billing_state: string | null;
  billing_zip: string | null;
  primary_service_location_uuid: string | null;
  notes: string | null;
  internal_flags: Record<string, unknown> | null;
  on_my_way_notify_via: NotifyVia | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const COMMERCIAL_SHARE = 0.25;
const DELETED_SHARE = 0.03;
const LEGACY_SHARE = 0.04;

/**
 * Generates customers for one company. Row order is generation order; the
 * caller sorts by created_at before inserting.
 */
export function generateCustomers(rng: Random, context: SeedContext, count: number): CustomerRow[] {
  const historyStart = context.now - HISTORY_MS;
  const legacy = legacyImport(rng, context.metro, historyStart);
  const rows: CustomerRow[] = [];
  for (let index = 0; index < count; index += 1) {
    if (rng.chance(LEGACY_SHARE)) {
      const imported = legacy.next();
      rows.push(generateCustomer(rng, context, imported.at, { legacy_id: imported.id, imported_from: legacy.system }));
    } else {
      rows.push(generateCustomer(rng, context, officeMoment(rng, context.metro, historyStart, context.now, 1.7), null));
    }
  }
  return rows;
}

function generateCustomer(rng: Random, context: SeedContext, createdAt: number, flags: Record<string, unknown> | null): CustomerRow {
  const { metro, now } = context;
  const commercial = rng.chance(COMMERCIAL_SHARE);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const companyName = commercial ? businessName(rng, lastName) : null;

  // Most customers give both; a phone-only caller or an email-only web lead is common; never neither.
  const contact = rng.weighted([
    ["both", 76],
    ["phone", 15],
    ["email", 9],
  ] as const);
  const city = pickCity(rng, metro);
  const phone = contact === "email" ? null : randomPhone(rng, metro, city);
  const email = contact === "phone" ? null : companyName ? workEmail(rng, companyName, firstName, lastName) : personalEmail(rng, firstName, lastName);

  // A few customers were entered from a phone call with no address yet.
  const physical: Address | null = rng.chance(0.03) ? null : randomAddress(rng, metro, commercial ? "business" : "home", city);
  const billing = physical === null ? null : billingAddress(rng, metro, physical, commercial);

  const createdMs = Math.min(createdAt, now);
  const deletable = now - createdMs > 2 * MINUTE_MS;
  const deletedAt = deletable && rng.chance(DELETED_SHARE) ? laterMoment(rng, createdMs + MINUTE_MS, DAY_MS * rng.int(1, 400), now) : null;
  const editedAt = rng.chance(0.45) ? laterMoment(rng, createdMs, DAY_MS * rng.int(1, 300), now) : createdMs;
  const updatedAt = deletedAt ?? editedAt;

  return {
    uuid: rng.uuid(),
    company_uuid: context.companyUuid,
    first_name: firstName,
    last_name: lastName,
    company_name: companyName,
    email,
    phone,
    customer_type: commercial ? "Commercial" : "Residential",
    is_vip: rng.chance(commercial ? 0.14 : 0.06),
    physical_address1: physical?.address1 ?? null,
    physical_address2: physical?.address2 ?? null,
    physical_city: physical?.city ?? null,
    physical_state: physical?.state ?? null,
    physical_zip: physical?.zip ?? null,
    billing_address1: billing?.address1 ?? null,
    billing_address2: billing?.address2 ?? null,
    billing_city: billing?.city ?? null,
    billing_state: billing?.state ?? null,
    billing_zip: billing?.zip ?? null,
    primary_service_location_uuid: primaryLocation(rng, context, physical),
    notes: customerNote(rng, commercial),
    internal_flags: flags,
    on_my_way_notify_via: notifyVia(rng, email !== null, phone !== null),
    created_at: new Date(createdMs),
    updated_at: new Date(Math.max(updatedAt, createdMs)),
    deleted_at: deletedAt === null ? null : new Date(deletedAt),
  };
}

function businessName(rng: Random, contactLastName: string): string {
  // Family businesses carry a surname ("Nguyen Family Dentistry"); most have a place name.
  const prefix = rng.chance(0.15) ? contactLastName : rng.pick(BUSINESS_PREFIXES);
  return `${prefix} ${rng.pick(BUSINESS_KINDS)}`;
}

function billingAddress(rng: Random, metro: Metro, physical: Address, commercial: boolean): Address {
  // Head offices and property managers pay from elsewhere; a few homeowners are landlords or snowbirds.
  if (!rng.chance(commercial ? 0.35 : 0.04)) return physical;
  if (rng.chance(0.5)) return randomAddress(rng, metro, commercial ? "business" : "home");
  return remoteAddress(rng, METROS, commercial ? "business" : "home");
}

function primaryLocation(rng: Random, context: SeedContext, physical: Address | null): string | null {
  if (context.locations.length === 0 || !rng.chance(0.05)) return null;
  const sameCity = context.locations.find((location) => location.city === physical?.city);
  return (sameCity ?? rng.pick(context.locations)).uuid;
}

function customerNote(rng: Random, commercial: boolean): string | null {
  if (!rng.chance(0.2)) return null;
  const pool = commercial ? COMMERCIAL_NOTES : RESIDENTIAL_NOTES;
  const first = fillCode(rng, rng.pick(pool));
  if (!rng.chance(0.2)) return first;
  const second = fillCode(rng, rng.pick(pool));
  return second === first ? first : `${first}. ${second}`;
}

/** The channel a customer opted into always has its contact detail. */
function notifyVia(rng: Random, hasEmail: boolean, hasPhone: boolean): NotifyVia | null {
  if (hasEmail && hasPhone)
    return rng.weighted([
      ["sms", 35],
      ["both", 25],
      ["email", 20],
      [null, 20],
    ] as const);
  if (hasPhone) return rng.chance(0.55) ? "sms" : null;
  if (hasEmail) return rng.chance(0.5) ? "email" : null;
  return null;
}

/** The one-time import from the company's previous system, near the start of its history. */
function legacyImport(rng: Random, metro: Metro, historyStart: number): { system: string; next: () => { at: number; id: string } } {
  const day = localDayOf(metro, historyStart + rng.int(10, 60) * DAY_MS);
  // A script run one evening: rows a few milliseconds apart, ids with gaps where old records were purged.
  let at = atLocal(metro, day, rng.int(21 * 60, 22 * 60)) + rng.int(0, HOUR_MS / 4);
  let id = rng.int(10_000, 12_000);
  return {
    system: rng.pick(LEGACY_SYSTEMS),
    next: () => {
      at += rng.int(5, 60);
      id += rng.int(1, 3);
      return { at, id: `C-${id}` };
    },
  };
}
