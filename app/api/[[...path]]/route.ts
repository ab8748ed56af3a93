import { ApiError } from "@/lib/api/api-error";
import { defineRoute } from "@/lib/api/define-route.server";

/**
 * Any /api path without a route of its own: a 404 in the standard envelope,
 * after the session check (so it reveals nothing to a stranger) and, for
 * methods that would change something, the role check (a viewer may change
 * nothing, wherever they aim).
 */
function notFound(capability: "read" | "write") {
  return defineRoute(capability, async ({ request }) => {
    throw new ApiError(404, "not_found", `There is no API route at ${new URL(request.url).pathname}.`);
  });
}

export const GET = notFound("read");
export const POST = notFound("write");
export const PUT = notFound("write");
export const PATCH = notFound("write");
export const DELETE = notFound("write");
