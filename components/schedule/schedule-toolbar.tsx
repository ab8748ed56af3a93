"use client";

import { secondaryButtonClassName } from "@/components/ui/field";
import { formatRange } from "@/lib/schedule/schedule-dates";
import type { Lane } from "@/lib/schedule/schedule-layout";
import type { ScheduleQuery, ScheduleView } from "@/lib/schedule/schedule-types";

const toggleClassName = "px-3 py-1.5 text-sm font-medium aria-pressed:bg-brand-700 aria-pressed:text-white";

/** Day or week, Today / Previous / Next, and whose jobs: all of it kept in the URL by the screen. */
export function ScheduleToolbar({
  query,
  from,
  to,
  lanes,
  onView,
  onStep,
  onToday,
  onTechnician,
}: {
  query: ScheduleQuery;
  from: string;
  to: string;
  lanes: readonly Lane[];
  onView: (view: ScheduleView) => void;
  onStep: (direction: 1 | -1) => void;
  onToday: () => void;
  onTechnician: (technician: string | null) => void;
}) {
  const unit = query.view === "day" ? "day" : "week";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div role="group" aria-label="View" className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
        {(["day", "week"] as const).map((view) => (
          <button key={view} type="button" aria-pressed={query.view === view} onClick={() => onView(view)} className={toggleClassName}>
            {view === "day" ? "Day" : "Week"}
          </button>
        ))}
      </div>
      <div className="flex items-center gap-1">
        <button type="button" className={secondaryButtonClassName} onClick={onToday}>
          Today
        </button>
        <button type="button" className={secondaryButtonClassName} onClick={() => onStep(-1)} aria-label={`Previous ${unit}`}>
          <span aria-hidden="true">‹</span>
        </button>
        <button type="button" className={secondaryButtonClassName} onClick={() => onStep(1)} aria-label={`Next ${unit}`}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
        {formatRange(from, to)}
      </h2>
      <label className="ml-auto flex items-center gap-2 text-sm text-slate-700">
        Show
        <select
          value={query.technician ?? ""}
          onChange={(event) => onTechnician(event.target.value === "" ? null : event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">Everyone</option>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
