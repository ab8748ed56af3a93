import { defineRoute, json } from "@/lib/api/define-route.server";
import { usageReport } from "@/lib/crm/usage-meter.server";

export const GET = defineRoute("read", async () => json(await usageReport()));
