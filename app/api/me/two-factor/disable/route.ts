import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { confirmPasswordSchema } from "@/lib/account/account-schemas";
import { disableTwoFactor } from "@/lib/account/two-factor.server";

export const POST = defineRoute("read", async ({ request, requestId, user }) => {
  const { password } = await readJsonBody(request, confirmPasswordSchema);
  const { setCookies } = await disableTwoFactor(password, { user, requestId, headers: request.headers });
  const response = json({ twoFactorEnabled: false });
  for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
});
