import { crmJson } from "@/lib/api/crm-response";
import { defineRoute } from "@/lib/api/define-route";
import { listLocations } from "@/lib/crm/locations";

/** The company's offices and warehouses; few enough for one page of 100. */
export const GET = defineRoute("read", async () => {
  const result = await listLocations({ limit: 100 });
  return crmJson(result, { locations: result.data.locations });
});
