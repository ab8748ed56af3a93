"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { AlertDialog, AlertDialogCancel, dangerButtonClassName } from "@/components/ui/alert-dialog";
import { secondaryButtonClassName } from "@/components/ui/field";
import { useDeleteCustomer } from "@/lib/customers/api/delete-customer";
import { useOpenJobs } from "@/lib/customers/api/get-customer-jobs";
import { restoreAndRefresh } from "@/lib/customers/api/restore-customer";
import { customerName, formatCalendarDate } from "@/lib/customers/customer-display";
import type { CustomerDto } from "@/lib/customers/customer-service";

const UNDO_MS = 8_000;

/**
 * Delete with a second look: the dialog reads the customer's open jobs fresh
 * and lists them (deleting the customer cancels none of them), and the
 * deletion is followed by an Undo toast. Back on the list, "Show deleted"
 * finds the customer again for a later restore.
 */
export function DeleteCustomerDialog({ customer }: { customer: CustomerDto }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const openJobs = useOpenJobs(customer.uuid, open);
  const remove = useDeleteCustomer();
  const name = customerName(customer);
  const jobs = openJobs.data?.jobs ?? [];
  const jobTotal = openJobs.data?.pagination.total ?? 0;

  function undo() {
    restoreAndRefresh(queryClient, customer.uuid).then(
      () =>
        toast.success(`${name} is restored.`, {
          action: { label: "Open", onClick: () => router.push(`/customers/${customer.uuid}`) },
        }),
      (error: unknown) =>
        toast.error(`${name} could not be restored: ${error instanceof Error ? error.message : "unknown error"}. Use “Show deleted” on the customer list to try again.`),
    );
  }

  function confirm() {
    setFailure(null);
    remove.mutate(customer.uuid, {
      onSuccess: () => {
        setOpen(false);
        toast(`${name} is deleted.`, { duration: UNDO_MS, action: { label: "Undo", onClick: undo } });
        router.push("/customers");
      },
      onError: (error) => setFailure(`${name} was not deleted: ${error.message}`),
    });
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
        description="They disappear from the customer list and the caller lookup. You can undo right after, or restore them later from the list with “Show deleted”."
      >
        <div className="space-y-3 text-sm">
          {openJobs.isPending && <p role="status">Checking for open jobs…</p>}
          {openJobs.isError && (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
              Open jobs could not be checked ({openJobs.error.message}). Look at the customer&apos;s jobs before deleting.
            </p>
          )}
          {openJobs.isSuccess && jobTotal === 0 && <p className="text-slate-700">They have no open jobs.</p>}
          {openJobs.isSuccess && jobTotal > 0 && (
            <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
              <p className="font-medium">
                {name} has {jobTotal} open job{jobTotal === 1 ? "" : "s"}. Deleting the customer does not cancel {jobTotal === 1 ? "it" : "them"}: technicians may still be sent.
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
            <button type="button" className={dangerButtonClassName} onClick={confirm} disabled={remove.isPending || openJobs.isPending}>
              {remove.isPending ? "Deleting…" : jobTotal > 0 ? "Delete anyway" : "Delete customer"}
            </button>
          </div>
        </div>
      </AlertDialog>
    </>
  );
}
