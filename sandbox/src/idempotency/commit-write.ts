import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env";
import type { Database, Transaction } from "../db/database";
import { sendJsonText, success } from "../http/envelope";
import { completeIdempotencyKey } from "./idempotency-store";

export interface WriteResult {
  status: ContentfulStatusCode;
  data: unknown;
}

/**
 * Runs a write in one transaction and, when the request holds an
 * Idempotency-Key, records the exact response in that same transaction.
 * Write and record commit together or not at all: a crash or injected fault
 * after the commit cannot lose the record, so a retry replays the first
 * response instead of writing a duplicate.
 */
export async function commitWrite(c: Context<AppEnv>, db: Database, write: (tx: Transaction) => Promise<WriteResult>): Promise<Response> {
  const claim = c.var.idempotency;
  const { status, body } = await db.transaction(async (tx) => {
    const result = await write(tx);
    const body = JSON.stringify(success(result.data));
    if (claim) await completeIdempotencyKey(tx, claim, result.status, body);
    return { status: result.status, body };
  });
  if (claim) c.set("idempotencyStored", true);
  return sendJsonText(c, status, body);
}
