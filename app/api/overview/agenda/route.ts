import { defineRoute, json } from "@/lib/api/define-route.server";
import { offeredParams } from "@/lib/api/offered-params.server";
import { getOverviewAgenda } from "@/lib/overview/get-overview.server";

/**
 * The overview's day at a glance for the browser's own day (?day=YYYY-MM-DD),
 * from the mirror: no CRM request. A missing or malformed day, or any other
 * parameter, is a 400 naming it.
 */
export const GET = defineRoute("read", async ({ request }) => {
  const { day } = offeredParams(request, ["day"]);
  return json(await getOverviewAgenda(day ?? null));
});
