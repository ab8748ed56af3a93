import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { syncSettingsSchema } from "@/lib/mirror/sync-request";
import { updateSyncSettings } from "@/lib/mirror/sync-service.server";

/** The budget share and pause/resume: admins only, since they decide what the plan is spent on. */
export const PUT = defineRoute("manage_sync", async ({ request, requestId, user }) => {
  const body = await readJsonBody(request, syncSettingsSchema);
  return json(
    await updateSyncSettings(
      { budget_share: body.budget_percent === undefined ? undefined : body.budget_percent / 100, paused: body.paused },
      { actor: { id: user.id, email: user.email }, requestId },
    ),
  );
});
