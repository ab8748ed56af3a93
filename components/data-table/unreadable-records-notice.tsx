import Link from "next/link";
import type { UnreadableRecord } from "@/lib/crm/crm-types";

/**
 * Said above a table whose page held records the dashboard could not read
 * (ADR-019): each by its uuid, with a link to open it, instead of a row that
 * silently is not there. Above the table rather than as a row, so selection,
 * sorting, column choice and CSV export keep working on records alone.
 */
export function UnreadableRecordsNotice({
  records,
  noun,
  hrefFor,
}: {
  records: readonly UnreadableRecord[] | undefined;
  noun: "customer" | "job";
  hrefFor: (uuid: string) => string;
}) {
  if (!records?.length) return null;
  const count = records.length === 1 ? `1 ${noun}` : `${records.length} ${noun}s`;
  return (
    <section
      aria-label={`${noun === "customer" ? "Customers" : "Jobs"} that could not be read`}
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p>
        {count} on this page could not be read: the CRM sent {records.length === 1 ? "it" : "them"} in a shape the dashboard does not expect, so{" "}
        {records.length === 1 ? "it is" : "they are"} not in the table below. An administrator can find the details in the server log.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {records.map((record, index) => (
          <li key={record.uuid ?? `unknown-${index}`}>
            {record.uuid ? (
              <>
                <span className="font-mono text-xs">{record.uuid}</span>{" "}
                <Link href={hrefFor(record.uuid)} className="font-medium underline">
                  Open this {noun}
                </Link>
              </>
            ) : (
              `A ${noun} without a uuid, which cannot be opened here`
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
