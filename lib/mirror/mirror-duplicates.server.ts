import "server-only";
import { sql } from "kysely";
import { mirrorDatabase } from "@/lib/mirror/mirror-db.server";
import { addressText } from "@/lib/mirror/mirror-records.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";

export interface MirrorNameAddressMatch {
  uuid: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
}

const MATCH_LIMIT = 10;

/**
 * Active customers with this first and last name (any case) whose physical
 * address starts with the same street line (house number and street, in the
 * mirror's address words). The CRM cannot answer this: its search takes one
 * term, and an address is not one of the fields it searches.
 */
export async function sameNameAndStreet(
  values: { first_name: string; last_name: string; street: string },
  options: { scope?: string } = {},
): Promise<MirrorNameAddressMatch[]> {
  const street = addressText([values.street]);
  if (street === "" || values.first_name.trim() === "" || values.last_name.trim() === "") return [];
  const scope = options.scope ?? currentMirrorScope();
  const { db } = await mirrorDatabase();
  const result = await sql<MirrorNameAddressMatch>`
    select uuid, first_name, last_name, phone, email from mirror_customers
    where scope = ${scope} and deleted_at is null
      and lower(first_name) = ${values.first_name.trim().toLowerCase()}
      and lower(last_name) = ${values.last_name.trim().toLowerCase()}
      and (physical_text = ${` ${street}`} or physical_text like ${` ${escapeLike(street)} %`})
    order by uuid limit ${MATCH_LIMIT}`.execute(db);
  return result.rows;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
