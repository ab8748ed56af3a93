import type { Clock } from "./clock";
import { LOCATION_TEMPLATES, technicianNames } from "./company-setup-data";
import type { Database, Queryable } from "./db/database";
import { deterministicUuid, sha256Hex } from "./util/hash";

export interface Company {
  uuid: string;
  name: string;
}

export interface CompanyUser {
  id: string;
  first_name: string;
  last_name: string;
  role: string;
}

export interface CompanyLocation {
  uuid: string;
  name: string;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export const DEMO_COMPANY_NAME = "Demo Plumbing & HVAC";

export function apiKeyHash(apiKey: string): string {
  return sha256Hex(apiKey);
}

/**
 * Makes sure the company of each key exists with its locations and
 * technicians. Identities derive from the key's hash, so running this on every
 * start is a no-op for companies that already exist.
 */
export async function ensureCompanies(db: Database, apiKeys: readonly string[], clock: Clock): Promise<Array<Company & { apiKey: string }>> {
  const companies: Array<Company & { apiKey: string }> = [];
  for (const [index, apiKey] of apiKeys.entries()) {
    const name = index === 0 ? DEMO_COMPANY_NAME : `Sandbox Company ${index + 1}`;
    companies.push({ ...(await ensureCompany(db, apiKey, name, clock)), apiKey });
  }
  return companies;
}

export async function ensureCompany(db: Database, apiKey: string, name: string, clock: Clock): Promise<Company> {
  const keyHash = apiKeyHash(apiKey);
  const uuid = deterministicUuid(keyHash, "company");
  const now = clock();
  return db.transaction(async (tx) => {
    await tx.query("insert into companies (uuid, name, api_key_sha256, created_at) values ($1, $2, $3, $4) on conflict (api_key_sha256) do nothing", [
      uuid,
      name,
      keyHash,
      now,
    ]);
    const { rows } = await tx.query<Company>("select uuid, name from companies where api_key_sha256 = $1", [keyHash]);
    const company = rows[0];
    if (!company) throw new Error("company row missing right after insert");
    await insertSetUp(tx, company.uuid, keyHash, now);
    return company;
  });
}

async function insertSetUp(tx: Queryable, companyUuid: string, keyHash: string, now: Date): Promise<void> {
  for (const [index, location] of LOCATION_TEMPLATES.entries()) {
    // Staggered a minute apart so the list order (newest first) is stable and meaningful.
    const createdAt = new Date(now.getTime() - (LOCATION_TEMPLATES.length - index) * 60_000);
    await tx.query(
      `insert into locations (uuid, company_uuid, name, address1, address2, city, state, zip, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) on conflict (uuid) do nothing`,
      [
        deterministicUuid(keyHash, `location:${index}`),
        companyUuid,
        location.name,
        location.address1,
        location.address2,
        location.city,
        location.state,
        location.zip,
        createdAt,
      ],
    );
  }
  for (const [index, technician] of technicianNames(keyHash).entries()) {
    await tx.query("insert into users (id, company_uuid, first_name, last_name, role) values ($1, $2, $3, $4, 'technician') on conflict (id) do nothing", [
      deterministicUuid(keyHash, `user:${index}`),
      companyUuid,
      technician.firstName,
      technician.lastName,
    ]);
  }
}

export async function findCompanyByApiKey(db: Queryable, apiKey: string): Promise<Company | null> {
  const { rows } = await db.query<Company>("select uuid, name from companies where api_key_sha256 = $1", [apiKeyHash(apiKey)]);
  return rows[0] ?? null;
}

/** The company's technicians and locations: what tests and the seed assign jobs to. */
export async function getCompanySetup(db: Queryable, companyUuid: string): Promise<{ users: CompanyUser[]; locations: CompanyLocation[] }> {
  const users = await db.query<CompanyUser>("select id, first_name, last_name, role from users where company_uuid = $1 order by last_name, first_name, id", [
    companyUuid,
  ]);
  const locations = await db.query<CompanyLocation>(
    "select uuid, name, address1, address2, city, state, zip from locations where company_uuid = $1 and deleted_at is null order by created_at, uuid",
    [companyUuid],
  );
  return { users: users.rows, locations: locations.rows };
}
