import { defineRoute, json } from "@/lib/api/define-route.server";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { getAuth, sessionCookieName } from "@/lib/auth/auth.server";
import { forgetSessionCookie, readSessionCookie } from "@/lib/auth/session-cache.server";

export const POST = defineRoute(
  "read",
  async ({ request, requestId, user }) => {
    const auth = await getAuth();
    const result = await auth.api.signOut({ headers: request.headers, asResponse: true });
    // Every instance stops honouring this cookie before the answer leaves.
    await forgetSessionCookie(readSessionCookie(request.headers, sessionCookieName()));
    await recordAudit({ actor: { id: user.id, email: user.email }, action: "sign_out", resource: "session", resourceId: null, requestId, outcome: "accepted" });
    const response = json({ signedOut: true });
    for (const cookie of result.headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
    return response;
  },
  // A person in the middle of a forced password change can still leave.
  { duringAccountSetup: true },
);
