/** A page whose data the CRM could not give, said plainly, with a way back. */
export function CrmProblem({ title, message }: { title: string; message: string }) {
  return (
    <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">{title}</h1>
      <p className="mt-2 text-sm text-red-900">{message}</p>
      <p className="mt-2 text-sm text-red-900">Reload the page to try again.</p>
    </section>
  );
}
