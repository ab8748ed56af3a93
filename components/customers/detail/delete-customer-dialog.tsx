"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { AlertDialog, AlertDialogCancel, dangerButtonClassName } from "@/components/ui/alert-dialog";
import { secondaryButtonClassName } from "@/components/ui/field";
import { isHeldByOpenJobs, useDeleteCustomer } from "@/lib/customers/queries/delete-customer";
import type { OpenJobsChoice } from "@/lib/jobs/job-enums";
import { useOpenJobs } from "@/lib/customers/queries/get-customer-jobs";
import { customerName, formatCalendarDate } from "@/lib/customers/customer-format";
import type { CustomerDto } from "@/lib/customers/customer-types";
import { useRestoreEach } from "@/lib/trash/queries/restore-from-trash";
import type { RestoreItem } from "@/lib/trash/restore-run";
import { trashHrefFor } from "@/lib/trash/trash-url";

const UNDO_MS = 8_000;

/**
 * Delete with a second look: the dialog reads the customer's open jobs (any
 * status but Complete and Invoiced) fresh, lists them and asks whether they go
 * too (the CRM deletes no jobs with a customer, so technicians could still be
 * sent). The server holds the same line (409 has_open_jobs), so the answer is
 * sent with the delete; while the jobs cannot be checked, Delete is disabled
 * and says why. The deletion is followed by
 * an Undo toast that brings back everything it deleted; afterwards the trash
 * has the customer, and the jobs marked as deleted with them.
 */
export function DeleteCustomerDialog({ customer }: { customer: CustomerDto }) {
  const router = useRouter();
  const restoreEach = useRestoreEach();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const openJobs = useOpenJobs(customer.uuid, open);
  const remove = useDeleteCustomer();
  const name = customerName(customer);
  const jobs = openJobs.data?.jobs ?? [];
  const jobTotal = openJobs.data?.pagination.total ?? 0;
  const uncheckedId = useId();

  function undo(deleted: RestoreItem[]) {
    restoreEach(deleted, new Map(), () => undefined)
      .then((outcomes) => {
        const failed = outcomes.filter((outcome) => !outcome.ok);
        if (failed.length === 0) {
          toast.success(
            deleted.length === 1
              ? `${name} is restored.`
              : `${name} and ${deleted.length - 1 === 1 ? "their job are" : `their ${deleted.length - 1} jobs are`} restored.`,
            {
              action: { label: "Open", onClick: () => router.push(`/customers/${customer.uuid}`) },
            },
          );
        } else {
          toast.error(
            `${failed.length} of ${deleted.length} could not be restored (${failed[0] && !failed[0].ok ? failed[0].message : ""}). They are in the trash.`,
            {
              action: { label: "Open the trash", onClick: () => router.push(trashHrefFor("customer", name)) },
            },
          );
        }
      })
      .catch(() => undefined);
  }

  function confirm(openJobs: OpenJobsChoice | undefined) {
    setFailure(null);
    remove.mutate(
      { uuid: customer.uuid, openJobs },
      {
        onSuccess: (result) => {
          setOpen(false);
          const deleted: RestoreItem[] = [
            { resource: "customer", uuid: customer.uuid, label: name },
            ...result.jobs_deleted.map((job) => ({ resource: "job" as const, uuid: job.uuid, label: job.label })),
          ];
          const jobs = result.jobs_deleted.length;
          toast(jobs === 0 ? `${name} is deleted.` : `${name} and ${jobs === 1 ? "their open job are" : `their ${jobs} open jobs are`} deleted.`, {
            duration: UNDO_MS,
            action: { label: "Undo", onClick: () => undo(deleted) },
          });
          router.push("/customers");
        },
        onError: (error) =>
          setFailure(
            isHeldByOpenJobs(error)
              ? `${name} was not deleted: open jobs were added meanwhile. They are listed above; choose what happens to them.`
              : `${name} was not deleted: ${error.message}`,
          ),
      },
    );
  }

  return (
    <>
      <button
        type="button"
        className={`${secondaryButtonClassName} text-red-800`}
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        Delete
      </button>
      <AlertDialog
        open={open}
        onOpenChange={(next) => {
          if (!remove.isPending) setOpen(next);
        }}
        title={`Delete ${name}?`}
        description="They disappear from the customer list and the caller lookup. You can undo right after, or restore them later from the trash."
      >
        <div className="space-y-3 text-sm">
          {openJobs.isPending && <p role="status">Checking for open jobs…</p>}
          {openJobs.isError && (
            <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
              <p id={uncheckedId}>
                Delete is unavailable: open jobs could not be checked ({openJobs.error.message}). Deleting without knowing could leave jobs that send
                technicians out.
              </p>
              <button type="button" className={`${secondaryButtonClassName} mt-2`} onClick={() => void openJobs.refetch()} disabled={openJobs.isFetching}>
                {openJobs.isFetching ? "Checking…" : "Check again"}
              </button>
            </div>
          )}
          {openJobs.isSuccess && jobTotal === 0 && <p className="text-slate-700">They have no open jobs.</p>}
          {openJobs.isSuccess && jobTotal > 0 && (
            <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
              <p className="font-medium">
                {name} has {jobTotal} open job{jobTotal === 1 ? "" : "s"}. Deleting only the customer leaves {jobTotal === 1 ? "it" : "them"} on the board:
                technicians may still be sent.
              </p>
              <ul className="mt-2 space-y-1">
                {jobs.map((job) => (
                  <li key={job.uuid}>
                    <Link href={`/jobs/${job.uuid}`} className="font-medium underline">
                      {job.job_number ?? "Job"}
                    </Link>{" "}
                    {job.title} ({job.status}
                    {job.scheduled_date ? `, ${formatCalendarDate(job.scheduled_date)}` : ""})
                  </li>
                ))}
                {jobTotal > jobs.length && <li>and {jobTotal - jobs.length} more</li>}
              </ul>
            </div>
          )}
          {failure && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
              {failure}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <AlertDialogCancel className={secondaryButtonClassName} disabled={remove.isPending}>
              Cancel
            </AlertDialogCancel>
            {jobTotal > 0 ? (
              <>
                <button type="button" className={`${secondaryButtonClassName} text-red-800`} onClick={() => confirm("keep")} disabled={remove.isPending}>
                  Delete only the customer
                </button>
                <button type="button" className={dangerButtonClassName} onClick={() => confirm("delete")} disabled={remove.isPending}>
                  {remove.isPending ? "Deleting…" : `Delete customer and ${jobTotal === 1 ? "the open job" : `${jobTotal} open jobs`}`}
                </button>
              </>
            ) : (
              <button
                type="button"
                className={dangerButtonClassName}
                onClick={() => confirm(undefined)}
                disabled={remove.isPending || !openJobs.isSuccess}
                aria-describedby={openJobs.isError ? uncheckedId : undefined}
              >
                {remove.isPending ? "Deleting…" : "Delete customer"}
              </button>
            )}
          </div>
        </div>
      </AlertDialog>
    </>
  );
}
