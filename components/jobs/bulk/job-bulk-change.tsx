"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { secondaryButtonClassName } from "@/components/ui/field";
import type { JobListItem } from "@/lib/jobs/job-types";

// The dialog, its checks and its requests load when first asked for: the table and the board don't carry them up front.
const JobBulkChangeDialog = dynamic(() => import("@/components/jobs/bulk/job-bulk-change-dialog"), { ssr: false });

/**
 * "Change selected (N)" for the job table and the board: set the status,
 * priority, technician or date of the ticked jobs at once, with Undo.
 */
export function JobBulkChange({ count, pick, onClearSelection }: { count: number; pick: () => JobListItem[]; onClearSelection: () => void }) {
  const [request, setRequest] = useState<{ rows: JobListItem[]; id: number } | null>(null);
  return (
    <>
      {count > 0 && (
        // The ticked jobs as they are now: their version is what each update expects.
        <button type="button" className={secondaryButtonClassName} onClick={() => setRequest({ rows: pick(), id: (request?.id ?? 0) + 1 })}>
          Change selected ({count})
        </button>
      )}
      {request && <JobBulkChangeDialog request={request} onClearSelection={onClearSelection} />}
    </>
  );
}
