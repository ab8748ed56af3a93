import { defineRoute, json } from "@/lib/api/define-route.server";

export const GET = defineRoute(
  "read",
  async ({ user }) =>
    json({ id: user.id, email: user.email, name: user.name, role: user.role, two_factor_enabled: user.twoFactorEnabled, pending_step: user.pendingStep }),
  { duringAccountSetup: true },
);
