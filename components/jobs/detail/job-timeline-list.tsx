import { jobTimeline } from "@/lib/jobs/job-timeline";
import { useViewerTimeZone } from "@/lib/time/viewer-time-zone-context";
import type { JobDetail } from "@/lib/jobs/job-types";

/** Created → scheduled → started → completed → invoiced → paid, with what hasn't happened yet shown as such. */
export function JobTimelineList({ job }: { job: JobDetail }) {
  const timeZone = useViewerTimeZone();
  return (
    <section aria-labelledby="job-timeline" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="job-timeline" className="font-medium">
        Timeline
      </h2>
      <ol className="mt-3 space-y-3">
        {jobTimeline(job, timeZone).map((step) => (
          <li key={step.key} className="flex gap-3">
            <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${step.done ? "bg-brand-600" : "border border-slate-400 bg-white"}`} />
            <div className="text-sm">
              <p className={step.done ? "font-medium text-slate-900" : "text-slate-600"}>{step.label}</p>
              <p className="text-slate-600">{step.when && step.dateTime ? <time dateTime={step.dateTime}>{step.when}</time> : "Not yet"}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
