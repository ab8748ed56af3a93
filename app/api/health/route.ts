import { definePublicRoute } from "@/lib/api/define-route.server";
import { checkHealth } from "@/lib/health/check-health.server";

export const GET = definePublicRoute(async () => {
  const health = await checkHealth();
  return Response.json({ success: true, data: health }, { status: health.status === "down" ? 503 : 200 });
});
