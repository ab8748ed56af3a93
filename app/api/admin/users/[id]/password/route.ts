import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith, readJsonBody } from "@/lib/api/read-body.server";
import { resetPassword } from "@/lib/users/manage-users.server";
import { resetPasswordSchema, userIdSchema } from "@/lib/users/user-schemas";

export const POST = defineRoute<{ id: string }>("manage_users", async ({ request, params, requestId, user }) => {
  const id = parseWith(userIdSchema, params.id);
  const { password } = await readJsonBody(request, resetPasswordSchema);
  await resetPassword(id, password, { actor: user, requestId, headers: request.headers });
  return json({ passwordReset: true });
});
