import type { Queryable } from "../../db/database";
import type { CountQuery } from "../../db/list-totals";
import { LOCATION_COLUMNS, type LocationRow } from "./serialize";

/** The list's total; run through the handlers' ListTotalCache, which also keys on it. */
export function locationCountQuery(companyUuid: string, includeDeleted: boolean): CountQuery {
  return {
    sql: `select count(*)::int as total from locations where company_uuid = $1 ${includeDeleted ? "" : "and deleted_at is null"}`,
    params: [companyUuid],
  };
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
