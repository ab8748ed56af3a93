import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-slate-100 text-slate-700",
  vip: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-800",
  info: "bg-brand-50 text-brand-900",
  success: "bg-emerald-50 text-emerald-800",
} as const;

/** A short label beside a name ("VIP", "Deleted"), readable as text by screen readers. */
export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
