import { COMMON_STREETS, DIRECTIONS, STREET_SUFFIXES, type City, type Metro } from "./addresses";
import { ROLE_MAILBOXES } from "./names";
import type { Random } from "./random";

export interface Address {
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  zip: string;
}

/** The reserved documentation domains (RFC 2606): mail to them goes nowhere. */
export const RESERVED_EMAIL_DOMAINS: readonly string[] = ["example.com", "example.net", "example.org"];

/** Big cities get more customers than suburbs; the first city of a metro is its core. */
export function pickCity(rng: Random, metro: Metro): City {
  const weights = metro.cities.map((city, index) => [city, index === 0 ? 4 : 1 + city.zips.length / 4] as const);
  return rng.weighted(weights);
}

export function randomAddress(rng: Random, metro: Metro, kind: "home" | "business", city: City = pickCity(rng, metro)): Address {
  return { address1: streetLine(rng, metro), address2: unitLine(rng, kind), city: city.name, state: city.state, zip: rng.pick(city.zips) };
}

/** A mailing address in another metro: head offices and absentee owners pay from elsewhere. */
export function remoteAddress(rng: Random, metros: readonly Metro[], kind: "home" | "business"): Address {
  const metro = rng.pick(metros);
  if (rng.chance(0.35)) {
    const city = pickCity(rng, metro);
    return { address1: `PO Box ${rng.int(100, 99999)}`, address2: null, city: city.name, state: city.state, zip: rng.pick(city.zips) };
  }
  return randomAddress(rng, metro, kind);
}

function streetLine(rng: Random, metro: Metro): string {
  const number = rng.weighted([
    [rng.int(100, 999), 3],
    [rng.int(1000, 9999), 5],
    [rng.int(10000, 29999), 2],
  ] as const);
  const direction = rng.chance(0.25) ? `${rng.pick(DIRECTIONS)} ` : "";
  const suffix = rng.weighted(STREET_SUFFIXES);
  if (rng.chance(0.15)) return `${number} ${direction}${ordinal(rng.int(1, 180))} ${rng.chance(0.5) ? "St" : "Ave"}`;
  const name = rng.chance(0.3) ? rng.pick(metro.localStreets) : rng.pick(COMMON_STREETS);
  return `${number} ${direction}${name} ${suffix}`;
}

function unitLine(rng: Random, kind: "home" | "business"): string | null {
  if (kind === "home") {
    if (!rng.chance(0.12)) return null;
    return rng.weighted([
      [`Apt ${rng.int(1, 30)}${rng.pick(["A", "B", "C", "D"])}`, 4],
      [`Unit ${rng.int(1, 250)}`, 3],
      [`#${rng.int(101, 1450)}`, 2],
    ] as const);
  }
  if (!rng.chance(0.35)) return null;
  return rng.weighted([
    [`Suite ${rng.int(1, 45) * 10}`, 6],
    [`Bldg ${rng.pick(["A", "B", "C", "2", "3"])}`, 2],
    [`Floor ${rng.int(2, 12)}`, 1],
  ] as const);
}

export function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  const suffix = ["th", "st", "nd", "rd"][value % 10] ?? "th";
  return `${value}${suffix}`;
}

/**
 * xxx-xxx-xxxx with the metro's (or city's) real area codes. The exchange never
 * ends in 11, so no number reads as 911, 411 or another N11 service code.
 */
export function randomPhone(rng: Random, metro: Metro, city?: City): string {
  const areaCode = rng.pick(city?.areaCodes ?? metro.areaCodes);
  let exchange = rng.int(201, 989);
  if (exchange % 100 === 11) exchange += 1;
  return `${areaCode}-${exchange}-${String(rng.int(0, 9999)).padStart(4, "0")}`;
}

/** Lower-case ASCII letters and digits only: "O'Brien" → "obrien", "De La Cruz" → "delacruz". */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function personalEmail(rng: Random, firstName: string, lastName: string): string {
  const first = slug(firstName);
  const last = slug(lastName);
  const local = rng.weighted([
    [`${first}.${last}`, 4],
    [`${first}.${last}${rng.int(1, 99)}`, 4],
    [`${first}${last}`, 2],
    [`${first.charAt(0)}${last}${rng.int(1, 999)}`, 2],
    [`${first}_${last}${rng.int(60, 99)}`, 1],
    [`${last}.${first}`, 1],
  ] as const);
  return `${local}@${rng.pick(RESERVED_EMAIL_DOMAINS)}`;
}

/** A business mailbox on its own subdomain of a reserved domain. */
export function workEmail(rng: Random, companyName: string, firstName: string, lastName: string): string {
  const domain = `${slug(companyName).slice(0, 24)}.${rng.pick(RESERVED_EMAIL_DOMAINS)}`;
  const local = rng.weighted([
    [`${slug(firstName)}.${slug(lastName)}`, 5],
    [`${slug(firstName).charAt(0)}${slug(lastName)}`, 2],
    [rng.pick(ROLE_MAILBOXES), 3],
  ] as const);
  return `${local}@${domain}`;
}

/** Fills {code} (a 4-digit gate or lockbox code) in a note template. */
export function fillCode(rng: Random, template: string): string {
  return template.replace("{code}", String(rng.int(1000, 9999)));
}
