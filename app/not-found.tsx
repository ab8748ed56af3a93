import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-slate-600">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to the overview
        </Link>
      </p>
    </main>
  );
}
