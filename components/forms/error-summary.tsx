"use client";

/**
 * "Check these fields" beside the Save button after a save was refused, so
 * pressing Save never seems to do nothing, even when the first problem is
 * scrolled out of view. Each entry focuses its field. It is announced once
 * (role=alert) and shrinks as fields are fixed.
 */
export function ErrorSummary({ errors }: { errors: { id: string; label: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{errors.length === 1 ? "1 field needs attention before saving:" : `${errors.length} fields need attention before saving:`}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {errors.map((error) => (
          <li key={error.id}>
            <a
              href={`#${error.id}`}
              className="underline"
              onClick={(event) => {
                event.preventDefault();
                const field = document.getElementById(error.id);
                field?.focus();
                field?.scrollIntoView({ block: "center" });
              }}
            >
              {error.label}
            </a>
            : {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
