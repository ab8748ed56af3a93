import { toIso, toIsoOrNull } from "../../http/timestamps";

export const LOCATION_COLUMNS = "uuid, name, address1, address2, city, state, zip, created_at, updated_at, deleted_at";

export interface LocationRow {
  uuid: string;
  name: string;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** CRM-API decision 1: uuid, name, address fields, timestamps. */
export function serializeLocation(row: LocationRow) {
  return {
    uuid: row.uuid,
    name: row.name,
    address1: row.address1,
    address2: row.address2,
    city: row.city,
    state: row.state,
    zip: row.zip,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    deleted_at: toIsoOrNull(row.deleted_at),
  };
}

export type Location = ReturnType<typeof serializeLocation>;
