import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listLocations } from "@/lib/crm/locations.server";

/** The company's offices and warehouses; few enough for one page of 100. */
export const GET = defineRoute("read", async () => {
  const result = await listLocations({ limit: 100 });
  return crmJson(result, { locations: result.data.locations });
});
