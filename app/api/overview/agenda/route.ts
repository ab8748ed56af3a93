import { defineRoute, json } from "@/lib/api/define-route.server";
import { getOverviewAgenda } from "@/lib/overview/get-overview.server";

/**
 * The overview's day at a glance for the browser's own day (?day=YYYY-MM-DD),
 * from the mirror: no CRM request. A missing or malformed day is a 400 naming it.
 */
export const GET = defineRoute("read", async ({ request }) => {
  return json(await getOverviewAgenda(new URL(request.url).searchParams.get("day")));
});
