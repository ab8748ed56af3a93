import { defineRoute, json } from "@/lib/api/define-route.server";
import { parseWith, readJsonBody } from "@/lib/api/read-body.server";
import { getUser, updateUser } from "@/lib/users/manage-users.server";
import { updateUserSchema, userIdSchema } from "@/lib/users/user-schemas";

type Params = { id: string };

export const GET = defineRoute<Params>("manage_users", async ({ params }) => json(await getUser(parseWith(userIdSchema, params.id))));

export const PATCH = defineRoute<Params>("manage_users", async ({ request, params, requestId, user }) => {
  const id = parseWith(userIdSchema, params.id);
  const input = await readJsonBody(request, updateUserSchema);
  return json(await updateUser(id, input, { actor: user, requestId, headers: request.headers }));
});
