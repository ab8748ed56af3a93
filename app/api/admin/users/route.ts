import { defineRoute, json } from "@/lib/api/define-route.server";
import { readJsonBody } from "@/lib/api/read-body.server";
import { createUser, listUsers } from "@/lib/users/manage-users.server";
import { createUserSchema } from "@/lib/users/user-schemas";

export const GET = defineRoute("manage_users", async () => json({ users: await listUsers() }));

export const POST = defineRoute("manage_users", async ({ request, requestId, user }) => {
  const input = await readJsonBody(request, createUserSchema);
  const created = await createUser(input, { actor: user, requestId, headers: request.headers });
  return json(created, { status: 201 });
});
