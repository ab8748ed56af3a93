import { defineRoute, json } from "@/lib/api/define-route";
import { parseWith } from "@/lib/api/read-body";
import { trashQuerySchema } from "@/lib/trash/trash-request";
import { listTrash } from "@/lib/trash/trash-service";

/** One page of the trash, each row checked against the CRM (the answer says how many CRM requests that took). */
export const GET = defineRoute("read", async ({ request }) => {
  const query = parseWith(trashQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listTrash(query.tab, { search: query.search, page: query.page }));
});
