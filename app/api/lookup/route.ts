import { z } from "zod";
import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute, json } from "@/lib/api/define-route.server";
import { offeredParams } from "@/lib/api/offered-params.server";
import { parseWith } from "@/lib/api/read-body.server";
import { lookupEverything } from "@/lib/customers/lookup-service.server";

const lookupParamsSchema = z.strictObject({
  q: z.string({ error: "Type a phone number, an email, a name or an address." }).max(200, "Use at most 200 characters."),
});

/** The caller lookup: the CRM's search (phone, email, name) and, for what may be part of an address, the mirror's address lookup. */
export const GET = defineRoute("read", async ({ request }) => {
  const { q } = parseWith(lookupParamsSchema, offeredParams(request, ["q"]));
  const { data, results } = await lookupEverything(q);
  return results.length ? crmJson(results, data) : json(data);
});
