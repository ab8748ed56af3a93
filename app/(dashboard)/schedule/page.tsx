import { dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { HydrationBoundary } from "@/components/query/hydration-boundary";
import { ScheduleScreen } from "@/components/schedule/schedule-screen";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { scheduleKeys } from "@/lib/schedule/queries/schedule-query-keys";
import { checkScheduleParams, type ScheduleParamsCheck } from "@/lib/schedule/schedule-params";
import { getSchedule } from "@/lib/schedule/schedule-service.server";
import { dayInTimeZone } from "@/lib/time/viewer-time-zone";
import { viewerTimeZone, viewerToday } from "@/lib/time/viewer-today.server";

export const metadata: Metadata = { title: "Schedule" };

const URL_KEYS = ["view", "date", "technician"] as const;

/**
 * The schedule as the URL describes it, read from the mirror on the server
 * so the first paint has its lanes (no CRM request). The heading is sent
 * at once and the lanes stream in after it: a week of a thousand jobs takes
 * the server a moment to read and render, and the page should not wait
 * blank for it. A URL it cannot show loads nothing; the screen says what is
 * wrong.
 */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const [params, timeZone, cookieToday] = await Promise.all([searchParams, viewerTimeZone(), viewerToday()]);
  const today = cookieToday ?? dayInTimeZone(timeZone);
  const raw: Record<string, string> = {};
  for (const key of URL_KEYS) {
    const value = params[key];
    if (typeof value === "string") raw[key] = value;
  }
  const check = checkScheduleParams(raw, today);
  const canWrite = can(user.role, "write");

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Schedule</h1>
        <p className="mt-1 text-sm text-slate-600">
          Jobs by technician and day.{" "}
          {canWrite ? "Drag a job to another technician, day or time, or use its Reschedule button." : "Your role can look but not reschedule jobs."}
        </p>
      </div>
      <Suspense fallback={<ScheduleLoading />}>
        <ScheduleWithData check={check} today={today} canWrite={canWrite} timeZone={timeZone} />
      </Suspense>
    </div>
  );
}

/** The lanes, once the mirror has answered: the browser starts from the server's read instead of asking again. */
async function ScheduleWithData({ check, today, canWrite, timeZone }: { check: ScheduleParamsCheck; today: string; canWrite: boolean; timeZone: string }) {
  const queryClient = makeQueryClient();
  // A failure here is left to the browser's own request, which shows it with a Retry.
  if (check.ok) await queryClient.prefetchQuery({ queryKey: scheduleKeys.view(check.query), queryFn: () => getSchedule(check.query) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ScheduleScreen today={today} canWrite={canWrite} timeZone={timeZone} />
    </HydrationBoundary>
  );
}

/** What stands where the lanes will be while the server reads them: the same words the screen uses while it loads. */
function ScheduleLoading() {
  return (
    <p className="min-h-[24rem] text-sm text-slate-600" role="status">
      Loading the schedule…
    </p>
  );
}
