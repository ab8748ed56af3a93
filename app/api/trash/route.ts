import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith } from "@/lib/api/read-body.server";
import { trashQuerySchema } from "@/lib/trash/trash-request.server";
import { listTrash } from "@/lib/trash/trash-service.server";

/** One page of the trash, each row checked against the CRM (the answer says how many CRM requests that took). */
export const GET = defineRoute("read", async ({ request }) => {
  const query = parseWith(trashQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listTrash(query.tab, { search: query.search, page: query.page }));
});
