import { ApiError } from "@/lib/api/api-error";
import { defineRoute } from "@/lib/api/define-route.server";
import { liveShuttingDown } from "@/lib/events/live-bus.server";
import { liveEventStream } from "@/lib/events/live-stream.server";

/**
 * The live stream of changes to customers and jobs (ADR-022): server-sent
 * events, one per open tab, for anyone who may read records. A reconnect's
 * Last-Event-ID (or `?last_event_id=`, for clients that cannot set headers)
 * resumes after that event.
 */
export const dynamic = "force-dynamic";

export const GET = defineRoute("read", async ({ request }) => {
  const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("last_event_id");
  if (lastEventId !== null && !/^\d{1,18}$/.test(lastEventId)) {
    throw new ApiError(400, "validation", "Last-Event-ID must be the id of an event this stream sent.", { last_event_id: "Not an event id." });
  }
  if (liveShuttingDown())
    throw new ApiError(503, "shutting_down", "This server is restarting. The page reconnects by itself.", undefined, { "Retry-After": "5" });
  return new Response(liveEventStream({ lastEventId, signal: request.signal }), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx and similar proxies: pass each event on at once.
      "X-Accel-Buffering": "no",
    },
  });
});
