import { defineRoute, json } from "@/lib/api/define-route.server";
import { requestSyncNow } from "@/lib/mirror/sync-service.server";

/** "Sync now": a full pass starts (or the one under way goes on); answers at once with the status. */
export const POST = defineRoute("write", async () => json(await requestSyncNow(), { status: 202 }));
