import { defineRoute, json } from "@/lib/api/define-route.server";
import { scheduleQueryOf } from "@/lib/schedule/schedule-request.server";
import { getSchedule } from "@/lib/schedule/schedule-service.server";

/**
 * The schedule of a day or a week (`view=day|week&date=YYYY-MM-DD`, optionally
 * `technician=<id>|unassigned`), from the mirror: no CRM request. Anything it
 * does not offer is a 400 naming the allowed values.
 */
export const GET = defineRoute("read", async ({ request }) => json(await getSchedule(scheduleQueryOf(request))));
