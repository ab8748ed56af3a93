import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { changePasswordSchema } from "@/lib/account/account-schemas";
import { changeOwnPassword } from "@/lib/account/change-password.server";

/** Change one's own password; open during a forced change, which is how a temporary password is replaced. */
export const POST = defineRoute(
  "read",
  async ({ request, requestId, user }) => {
    const input = await readJsonBody(request, changePasswordSchema);
    const { setCookies } = await changeOwnPassword(input, { user, requestId, headers: request.headers });
    const response = json({ passwordChanged: true });
    for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
    return response;
  },
  { duringAccountSetup: true },
);
