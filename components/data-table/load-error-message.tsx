import { TableMessage } from "@/components/data-table/table-message";
import { errorText, retryActionFor } from "@/lib/http/error-advice";

/**
 * What a table or record screen shows when its read failed: the message (with
 * its request id) and Retry, except when retrying cannot help because the
 * CRM connection itself must be fixed by an administrator.
 */
export function LoadErrorMessage({ title, query }: { title: string; query: { error: unknown; refetch: () => Promise<unknown> } }) {
  return (
    <TableMessage title={title} tone="error" action={retryActionFor(query.error, { label: "Retry", onClick: () => void query.refetch() })}>
      {errorText(query.error)}
    </TableMessage>
  );
}
