import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { confirmPasswordSchema } from "@/lib/account/account-schemas";
import { startTwoFactorEnrolment } from "@/lib/account/two-factor.server";

/** Starts turning on two-factor sign-in: a new secret and backup codes, confirmed by POST /api/me/two-factor/verify. */
export const POST = defineRoute(
  "read",
  async ({ request, requestId, user }) => {
    const { password } = await readJsonBody(request, confirmPasswordSchema);
    const enrolment = await startTwoFactorEnrolment(password, { user, requestId, headers: request.headers });
    return json({ totp_uri: enrolment.totpUri, secret: enrolment.secret, backup_codes: enrolment.backupCodes });
  },
  { duringAccountSetup: true },
);
