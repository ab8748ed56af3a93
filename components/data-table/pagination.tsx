"use client";

import { secondaryButtonClassName } from "@/components/ui/field";

/**
 * Server-side pagination controls: the range shown, the page size and
 * first/previous/next/last. The caller owns `page` and `pageSize` (usually in
 * the URL) and refetches; this component only reports what was asked.
 */
export interface PaginationProps {
  /** Names the controls for screen readers, e.g. "Customer pages". */
  label: string;
  page: number;
  pageCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  /** Plural noun for the range, e.g. "customers". */
  itemsLabel: string;
  onPageChange: (page: number) => void;
  /** Leave out to hide the page-size choice. */
  onPageSizeChange?: (pageSize: number) => void;
  disabled?: boolean;
}

const numberFormat = new Intl.NumberFormat("en-US");

export function Pagination({
  label,
  page,
  pageCount,
  pageSize,
  pageSizes,
  total,
  itemsLabel,
  onPageChange,
  onPageSizeChange,
  disabled = false,
}: PaginationProps) {
  const first = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  const lastPage = Math.max(pageCount, 1);
  const sizeId = `${label.replace(/\W+/g, "-").toLowerCase()}-size`;
  const button = `${secondaryButtonClassName} px-2.5`;

  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700" aria-live="polite">
        {total === 0
          ? `No ${itemsLabel}`
          : first > total
            ? `Page ${page} is past the end (${numberFormat.format(total)} ${itemsLabel})`
            : `Showing ${numberFormat.format(first)}–${numberFormat.format(last)} of ${numberFormat.format(total)} ${itemsLabel}`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {onPageSizeChange && (
          <span className="flex items-center gap-2">
            <label htmlFor={sizeId} className="text-slate-700">
              Rows per page
            </label>
            <select
              id={sizeId}
              value={pageSize}
              disabled={disabled}
              onChange={(event) => onPageSizeChange(Number(event.target.value))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </span>
        )}
        <span className="flex items-center gap-1">
          <button type="button" className={button} disabled={disabled || page <= 1} onClick={() => onPageChange(1)} aria-label="First page">
            «
          </button>
          <button type="button" className={button} disabled={disabled || page <= 1} onClick={() => onPageChange(page - 1)}>
            Previous
          </button>
          <span className="px-2 text-slate-700">
            Page {numberFormat.format(page)} of {numberFormat.format(lastPage)}
          </span>
          <button type="button" className={button} disabled={disabled || page >= lastPage} onClick={() => onPageChange(page + 1)}>
            Next
          </button>
          <button type="button" className={button} disabled={disabled || page >= lastPage} onClick={() => onPageChange(lastPage)} aria-label="Last page">
            »
          </button>
        </span>
      </div>
    </nav>
  );
}
