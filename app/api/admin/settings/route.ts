import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { twoFactorSettingSchema } from "@/lib/account/account-schemas";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { isTwoFactorRequiredForAdmins, setTwoFactorRequiredForAdmins } from "@/lib/auth/account-setup.server";

export const GET = defineRoute("manage_users", async () => json({ require_two_factor_for_admins: await isTwoFactorRequiredForAdmins() }));

/**
 * Turns on (or off) the rule that admins sign in with two-factor. An admin
 * without it, the one making the change included, is sent to set it up before
 * anything else.
 */
export const PATCH = defineRoute("manage_users", async ({ request, requestId, user }) => {
  const { require_two_factor_for_admins: required } = await readJsonBody(request, twoFactorSettingSchema);
  const before = await isTwoFactorRequiredForAdmins();
  if (before !== required) {
    await setTwoFactorRequiredForAdmins(required);
    await recordAudit({
      actor: { id: user.id, email: user.email },
      action: "setting_change",
      resource: "setting",
      resourceId: "require_two_factor_for_admins",
      changes: { require_two_factor_for_admins: { from: before, to: required } },
      requestId,
      outcome: "accepted",
    });
  }
  return json({ require_two_factor_for_admins: required });
});
