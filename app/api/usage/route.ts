import { defineRoute, json } from "@/lib/api/define-route";
import { usageReport } from "@/lib/crm/usage-meter";

export const GET = defineRoute("read", async () => json(await usageReport()));
