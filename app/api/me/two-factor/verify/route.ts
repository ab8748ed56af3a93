import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { totpCodeSchema } from "@/lib/account/account-schemas";
import { confirmTwoFactor } from "@/lib/account/two-factor.server";

export const POST = defineRoute(
  "read",
  async ({ request, requestId, user }) => {
    const { code } = await readJsonBody(request, totpCodeSchema);
    const { setCookies } = await confirmTwoFactor(code, { user, requestId, headers: request.headers });
    const response = json({ twoFactorEnabled: true });
    for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
    return response;
  },
  { duringAccountSetup: true },
);
