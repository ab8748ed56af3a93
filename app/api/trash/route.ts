import { defineRoute, json } from "@/lib/api/define-route.server";
import { offeredParams } from "@/lib/api/offered-params.server";
import { parseWith } from "@/lib/api/read-body.server";
import { TRASH_PARAMS, trashQuerySchema } from "@/lib/trash/trash-request.server";
import { listTrash } from "@/lib/trash/trash-service.server";

/**
 * One page of the trash, from the mirror (every deleted record it knows, most
 * recently deleted first), with its age. Only rows deleted through the
 * dashboard and not yet confirmed by the CRM cost a request (the answer says how many).
 */
export const GET = defineRoute("read", async ({ request }) => {
  const query = parseWith(trashQuerySchema, offeredParams(request, TRASH_PARAMS));
  return json(await listTrash(query.tab, { search: query.search, page: query.page, limit: query.limit }));
});
