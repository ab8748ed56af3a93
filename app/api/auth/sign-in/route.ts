import { ApiError } from "@/lib/api/api-error";
import { definePublicRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { clientIp } from "@/lib/api/client-address.server";
import { signIn } from "@/lib/auth/sign-in.server";
import { signInSchema } from "@/lib/users/user-schemas";

export const POST = definePublicRoute(async ({ request, requestId }) => {
  const credentials = await readJsonBody(request, signInSchema);
  const result = await signIn({ ...credentials, ip: clientIp(request), requestId, headers: request.headers });
  if (!result.ok) {
    const retryAfter = result.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(result.retryAfterSeconds) };
    throw new ApiError(result.status, result.code, result.message, undefined, retryAfter);
  }
  // With two-factor sign-in the password step opens a challenge (POST /api/auth/two-factor), not a session.
  const response = result.twoFactorRequired ? json({ two_factor_required: true }) : json({ user: result.user, two_factor_required: false });
  for (const cookie of result.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
});
