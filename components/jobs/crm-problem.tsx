import { shortRequestId } from "@/lib/http/api-fetch";
import { ADMINISTRATOR_MUST_FIX } from "@/lib/http/error-advice";

/** A page whose data the CRM could not give, said plainly, with the request id to quote and the next step. */
export function CrmProblem({ title, message, requestId, retry }: { title: string; message: string; requestId: string; retry: boolean }) {
  return (
    <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">{title}</h1>
      <p className="mt-2 text-sm text-red-900">
        {message} (request {shortRequestId(requestId)})
      </p>
      <p className="mt-2 text-sm text-red-900">{retry ? "Reload the page to try again." : ADMINISTRATOR_MUST_FIX}</p>
    </section>
  );
}
