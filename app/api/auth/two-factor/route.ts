import { ApiError } from "@/lib/api/api-error";
import { definePublicRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { clientIp } from "@/lib/api/client-address.server";
import { signInCodeSchema } from "@/lib/account/account-schemas";
import { completeTwoFactorSignIn } from "@/lib/auth/two-factor-sign-in.server";

/** The second step of signing in: the code from the authenticator app, or a backup code. */
export const POST = definePublicRoute(async ({ request, requestId }) => {
  const { code } = await readJsonBody(request, signInCodeSchema);
  const result = await completeTwoFactorSignIn({ code, ip: clientIp(request), requestId, headers: request.headers });
  if (!result.ok) {
    const retryAfter = result.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(result.retryAfterSeconds) };
    throw new ApiError(result.status, result.code, result.message, result.code === "validation" ? { code: result.message } : undefined, retryAfter);
  }
  const response = json({ user: result.twoFactorRequired ? null : result.user });
  for (const cookie of result.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
});
