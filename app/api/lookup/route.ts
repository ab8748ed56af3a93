import { z } from "zod";
import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith } from "@/lib/api/read-body.server";
import { lookupCallers } from "@/lib/customers/caller-lookup.server";

const lookupParamsSchema = z.strictObject({
  q: z.string({ error: "Type a phone number, an email or a name." }).max(200, "Use at most 200 characters."),
});

export const GET = defineRoute("read", async ({ request }) => {
  const { q } = parseWith(lookupParamsSchema, Object.fromEntries(new URL(request.url).searchParams));
  const { query, results, matches, total } = await lookupCallers(q);
  const data = { query, matches, total };
  return results.length ? crmJson(results, data) : json(data);
});
