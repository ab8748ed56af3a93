import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith, readJsonBody } from "@/lib/api/read-body.server";
import { scanEstimateQuerySchema, scanStepSchema } from "@/lib/trash/trash-request.server";
import { scanEstimate, scanStep } from "@/lib/trash/trash-scan.server";

/**
 * Scanning spends the company's CRM quota, so it is for people who can act on
 * what it finds (restore): staff and admins.
 */
export const GET = defineRoute("write", async ({ request }) => {
  const query = parseWith(scanEstimateQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await scanEstimate(query.tab));
});

export const POST = defineRoute("write", async ({ request, requestId, user }) => {
  const body = await readJsonBody(request, scanStepSchema);
  return json(await scanStep(body.tab, body.scan_id, body.page, { user, requestId }));
});
