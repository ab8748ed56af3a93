import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import type { CrmCallMeta } from "@/lib/crm/crm-request.server";
import type { Customer, JobDetail, JobListItem, Location } from "@/lib/crm/schemas.server";
import { parseMirrorCustomer, parseMirrorJob, parseMirrorLocation } from "@/lib/mirror/mirror-records.server";
import { currentMirrorScope } from "@/lib/mirror/mirror-scope.server";
import { queueMirrorWrite } from "@/lib/mirror/read-through-queue.server";
import { timed } from "@/lib/runtime/request-timing.server";
import { markDeleted, upsertCustomers, upsertJobs, upsertLocations } from "@/lib/mirror/mirror-store.server";

/**
 * Read-through and write-through: lib/crm hands every answer the CRM gave the
 * dashboard to these functions, so the mirror learns from traffic that
 * happens anyway, at no extra request. Answers from the shared cache or
 * stale ones carry nothing new and are ignored. A mirror failure is logged
 * and never fails the request that carried the answer.
 *
 * A read's answer is written after the request has answered
 * (read-through-queue.server.ts): the person waits for the CRM, not for the
 * mirror's bookkeeping. A write's answer is written before the request
 * answers, since the live update it announces makes open screens read the
 * mirror at once.
 */
function fresh(meta: CrmCallMeta): boolean {
  return meta.cache === "miss" || meta.cache === "none";
}

/** Reads are queued; writes (and anything else) are awaited, after what is queued (mirrorDatabase waits for it). */
async function record(meta: CrmCallMeta, what: string, work: () => Promise<unknown>): Promise<void> {
  if (meta.cache === "miss") queueMirrorWrite(() => guarded(what, work));
  else await guarded(what, work);
}

function valid<T>(records: readonly unknown[], parse: (raw: unknown) => { ok: true; value: T } | { ok: false }): T[] {
  const out: T[] = [];
  for (const record of records) {
    const parsed = parse(record);
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

async function guarded(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await timed("mirror", work);
  } catch (error) {
    logEvent("error", "mirror_update_failed", { what, message: error instanceof Error ? error.message : String(error) });
  }
}

export async function mirrorCustomers(meta: CrmCallMeta, customers: readonly Customer[]): Promise<void> {
  if (!fresh(meta) || customers.length === 0) return;
  await record(meta, "customers", () => upsertCustomers(currentMirrorScope(), valid(customers, parseMirrorCustomer), new Date(meta.fetchedAt)));
}

export async function mirrorJobs(meta: CrmCallMeta, jobs: readonly JobListItem[]): Promise<void> {
  if (!fresh(meta) || jobs.length === 0) return;
  await record(meta, "jobs", () => upsertJobs(currentMirrorScope(), valid(jobs, parseMirrorJob), new Date(meta.fetchedAt)));
}

/** A job read or written whole: the job, and the customer and location it embeds. */
export async function mirrorJobDetail(meta: CrmCallMeta, job: JobDetail): Promise<void> {
  if (!fresh(meta)) return;
  await record(meta, "job", async () => {
    const scope = currentMirrorScope();
    const at = new Date(meta.fetchedAt);
    await upsertJobs(scope, valid([job], parseMirrorJob), at);
    if (job.customer) await upsertCustomers(scope, valid([job.customer], parseMirrorCustomer), at);
    if (job.location) await upsertLocations(scope, valid([job.location], parseMirrorLocation), at);
  });
}

export async function mirrorLocations(meta: CrmCallMeta, locations: readonly Location[]): Promise<void> {
  if (!fresh(meta) || locations.length === 0) return;
  await record(meta, "locations", () => upsertLocations(currentMirrorScope(), valid(locations, parseMirrorLocation), new Date(meta.fetchedAt)));
}

export async function mirrorDeleted(meta: CrmCallMeta, resource: "customers" | "jobs", uuid: string): Promise<void> {
  await guarded("delete", () => markDeleted(currentMirrorScope(), resource, uuid, new Date(meta.fetchedAt)));
}
