export function AccessDenied({ what }: { what: string }) {
  return (
    <section className="rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold text-amber-900">You don&apos;t have access to {what}</h1>
      <p className="mt-2 text-sm text-amber-900">Your role does not include it. An admin can change your role on the Users page.</p>
    </section>
  );
}
