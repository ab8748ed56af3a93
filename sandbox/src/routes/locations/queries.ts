import type { Queryable } from "../../db/database";
import { LOCATION_COLUMNS, type LocationRow } from "./serialize";

export async function countLocations(db: Queryable, companyUuid: string, includeDeleted: boolean): Promise<number> {
  const { rows } = await db.query<{ total: number }>(
    `select count(*)::int as total from locations where company_uuid = $1 ${includeDeleted ? "" : "and deleted_at is null"}`,
    [companyUuid],
  );
  return rows[0]?.total ?? 0;
}

export async function listLocations(db: Queryable, companyUuid: string, includeDeleted: boolean, limit: number, offset: number): Promise<LocationRow[]> {
  const { rows } = await db.query<LocationRow>(
    `select ${LOCATION_COLUMNS} from locations
     where company_uuid = $1 ${includeDeleted ? "" : "and deleted_at is null"}
     order by created_at desc, uuid desc limit $2 offset $3`,
    [companyUuid, limit, offset],
  );
  return rows;
}

export async function findLocation(db: Queryable, companyUuid: string, uuid: string, includeDeleted: boolean): Promise<LocationRow | null> {
  const { rows } = await db.query<LocationRow>(
    `select ${LOCATION_COLUMNS} from locations where company_uuid = $1 and uuid = $2 ${includeDeleted ? "" : "and deleted_at is null"}`,
    [companyUuid, uuid],
  );
  return rows[0] ?? null;
}

/** For references from customers and jobs: an active location of this company. */
export async function isActiveLocation(db: Queryable, companyUuid: string, uuid: string): Promise<boolean> {
  return (await findLocation(db, companyUuid, uuid, false)) !== null;
}
