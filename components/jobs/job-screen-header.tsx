import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";

/**
 * The heading of the two job screens, the table and the board: what the
 * screen is, a link to the other view of the same jobs, and New job for
 * those who may write.
 */
export function JobScreenHeader({
  title,
  description,
  otherView,
  canWrite,
}: {
  title: string;
  description: ReactNode;
  otherView: { href: string; label: string };
  canWrite: boolean;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="flex gap-2">
        <Link href={otherView.href} className={secondaryButtonClassName}>
          {otherView.label}
        </Link>
        {canWrite && (
          <Link href="/jobs/new" className={primaryButtonClassName}>
            New job
          </Link>
        )}
      </div>
    </div>
  );
}
