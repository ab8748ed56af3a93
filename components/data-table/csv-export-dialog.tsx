"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";
import { ProgressBar } from "@/components/data-table/progress-bar";
import { Dialog } from "@/components/ui/dialog";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { downloadTextFile } from "@/lib/csv/download-file";
import { ExportAbortedError, ExportPageError, fetchAllPages, type ExportProgress } from "@/lib/csv/fetch-all-pages";
import { toCsv } from "@/lib/csv/to-csv";
import { errorText, needsAdministrator } from "@/lib/http/error-advice";
import type { CsvExportProps } from "@/components/data-table/csv-export";

/**
 * The export itself (components/data-table/csv-export.tsx has the button):
 * before starting it says what it costs (one CRM request per `pageSize` rows,
 * 100 being the CRM's largest page), then reads page by page with a progress
 * bar, can be cancelled, resumes after a failed page, and downloads a UTF-8
 * CSV that Excel opens correctly. Open while mounted; `onClosed` unmounts it.
 * A module of its own, loaded when the button is first pressed.
 */
type ExportState<Row> =
  | { step: "confirm" }
  | { step: "running"; progress: ExportProgress<Row> | null }
  | { step: "failed"; progress: ExportProgress<Row>; message: string; retry: boolean };

const numberFormat = new Intl.NumberFormat("en-US");

export default function CsvExportDialog<Row>({
  total,
  itemLabel,
  columns,
  getRowId,
  fetchPage,
  fileName,
  pageSize = 100,
  onClosed,
}: CsvExportProps<Row> & { onClosed: () => void }) {
  const [state, setState] = useState<ExportState<Row>>({ step: "confirm" });
  const controller = useRef<AbortController | null>(null);
  const count = total ?? 0;
  const requests = Math.max(1, Math.ceil(count / pageSize));
  const noun = (n: number) => (n === 1 ? itemLabel.one : itemLabel.many);

  async function run(resumeFrom?: ExportProgress<Row>) {
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: "running", progress: resumeFrom ?? null });
    try {
      const rows = await fetchAllPages({
        fetchPage: (page, signal) => fetchPage(page, pageSize, signal),
        getRowId,
        signal: abort.signal,
        resumeFrom,
        onProgress: (progress) => setState({ step: "running", progress: { ...progress } }),
      });
      downloadTextFile(fileName(), toCsv(columns, rows));
      onClosed();
      toast.success(`Exported ${numberFormat.format(rows.length)} ${noun(rows.length)} to CSV.`);
    } catch (error) {
      if (error instanceof ExportAbortedError) return;
      if (error instanceof ExportPageError) {
        setState({ step: "failed", progress: error.progress as ExportProgress<Row>, message: errorText(error.cause), retry: !needsAdministrator(error.cause) });
      } else {
        setState({
          step: "failed",
          progress: { rows: [], pagesDone: 0, totalPages: requests },
          message: errorText(error, "The export failed."),
          retry: !needsAdministrator(error),
        });
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  function close() {
    controller.current?.abort();
    controller.current = null;
    onClosed();
  }

  const progress = state.step === "running" || state.step === "failed" ? state.progress : null;
  const pagesDone = progress?.pagesDone ?? 0;
  const totalPages = progress?.totalPages ?? requests;

  return (
    <Dialog open onOpenChange={(open) => !open && close()} title={`Export ${itemLabel.many} to CSV`}>
      {state.step === "confirm" && (
        <div className="space-y-4 text-sm">
          <p>
            This view has <strong>{numberFormat.format(count)}</strong> {noun(count)}. Exporting {count === 1 ? "it" : "them"} takes{" "}
            <strong>
              {numberFormat.format(requests)} CRM request{requests === 1 ? "" : "s"}
            </strong>{" "}
            ({pageSize} {itemLabel.many} per request), counted against the company&apos;s monthly allowance.
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClassName} onClick={close}>
              Cancel
            </button>
            <button type="button" className={primaryButtonClassName} onClick={() => void run()}>
              Start export
            </button>
          </div>
        </div>
      )}
      {(state.step === "running" || state.step === "failed") && (
        <div className="space-y-4 text-sm">
          <ProgressBar label="Export progress" value={pagesDone} max={totalPages} valueText={`${pagesDone} of ${totalPages} pages read`} />
          <p aria-live="polite">
            {state.step === "running"
              ? `Reading page ${Math.min(pagesDone + 1, totalPages)} of ${totalPages}… ${numberFormat.format(progress?.rows.length ?? 0)} ${noun(progress?.rows.length ?? 0)} so far.`
              : `Stopped after ${pagesDone} of ${totalPages} pages.`}
          </p>
          {state.step === "failed" && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
              {state.message}
              {state.retry && ` Try again to continue from page ${state.progress.pagesDone + 1}.`}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClassName} onClick={close}>
              {state.step === "running" ? "Cancel export" : "Close"}
            </button>
            {state.step === "failed" && state.retry && (
              <button type="button" className={primaryButtonClassName} onClick={() => void run(state.progress)}>
                Try again
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
