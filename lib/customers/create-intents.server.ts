import "server-only";
import { sql } from "kysely";
import { appDatabase } from "@/lib/db/app-database.server";

/**
 * The customer creates the dashboard sent, by the (person-scoped)
 * Idempotency-Key of the create, in the app database (migration 011) so every
 * instance knows them, for as long as the CRM replays a key (24 hours). The
 * intent is written before the CRM is asked: a retry of a create whose answer
 * was lost, or whose instance died before answering, is a retry, not a
 * possible duplicate of the customer it made; sent again with the same key,
 * the CRM replays the first create (or makes it, if it never arrived).
 */
const REMEMBER = "24 hours";

/** Whether this intent was sent before (within the CRM's replay window). */
export async function createIntentSeen(idempotencyKey: string): Promise<boolean> {
  const { db } = await appDatabase();
  const found = await sql<{ one: number }>`
    select 1 as one from create_intents where idempotency_key = ${idempotencyKey} and started_at > now() - ${REMEMBER}::interval`.execute(db);
  return found.rows.length > 0;
}

/** Written just before the create goes to the CRM; old intents are dropped on the way. */
export async function noteCreateIntent(idempotencyKey: string): Promise<void> {
  const { db } = await appDatabase();
  await sql`delete from create_intents where started_at < now() - ${REMEMBER}::interval`.execute(db);
  await sql`insert into create_intents (idempotency_key) values (${idempotencyKey}) on conflict (idempotency_key) do nothing`.execute(db);
}

/** The customer the intent made. */
export async function noteCreated(idempotencyKey: string, uuid: string): Promise<void> {
  const { db } = await appDatabase();
  await sql`update create_intents set customer_uuid = ${uuid} where idempotency_key = ${idempotencyKey}`.execute(db);
}
