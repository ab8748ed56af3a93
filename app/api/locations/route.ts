import { crmJson } from "@/lib/api/crm-response.server";
import { defineRoute } from "@/lib/api/define-route.server";
import { listLocations } from "@/lib/crm/locations.server";
import { mirroredLocations } from "@/lib/mirror/mirror-filter-lists.server";

/**
 * The company's offices and warehouses; few enough for one page of 100.
 * From the mirror once it has finished a full pass (no CRM request; its age
 * in `source`), else from the CRM, whose answer refreshes the mirror (ADR-018).
 */
export const GET = defineRoute("read", async () => {
  const mirrored = await mirroredLocations();
  if (mirrored) return crmJson([], { locations: mirrored.rows, source: { from: "mirror", asOf: mirrored.asOf } });
  const result = await listLocations({ limit: 100 });
  return crmJson(result, { locations: result.data.locations, source: { from: "crm" } });
});
