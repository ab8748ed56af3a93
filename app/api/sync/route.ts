import { defineRoute, json } from "@/lib/api/define-route.server";
import { getSyncStatus } from "@/lib/mirror/sync-service.server";

/** The mirror's sync: counts, spend, progress, problems. For people who may start it (staff and admins). */
export const GET = defineRoute("write", async () => json(await getSyncStatus()));
