import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listAllLocations } from "@/lib/crm/locations.server";

/** Every location of the company, read page by page (100 each), so none shows as "not found" for being on page two. */
export const GET = defineRoute("read", async () => {
  const { results, locations } = await listAllLocations();
  return crmJson(results, { locations });
});
