"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { JOB_STATUSES, type JobStatus } from "@/lib/jobs/job-enums";

/**
 * Moving a card without dragging: a menu of the other statuses, usable with
 * the keyboard, a screen reader or a thumb.
 */
export function MoveToMenu({ label, current, onMove }: { label: string; current: JobStatus; onMove: (to: JobStatus) => void }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        // The name starts with the visible text (WCAG 2.5.3, label in name), so "click Move to…" works by voice.
        aria-label={`Move to…, ${label}`}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 data-[state=open]:bg-slate-100"
      >
        Move to… <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-600">Move to</DropdownMenu.Label>
          {JOB_STATUSES.filter((status) => status !== current).map((status) => (
            <DropdownMenu.Item
              key={status}
              onSelect={() => onMove(status)}
              className="cursor-pointer rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900"
            >
              {status}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
