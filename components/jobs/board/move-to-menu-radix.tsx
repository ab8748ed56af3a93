"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { JOB_STATUSES } from "@/lib/jobs/job-enums";
import { moveToButtonClassName, MoveToLabel, type MoveToMenuProps } from "@/components/jobs/board/move-to-menu";

/**
 * The Move to… menu itself (Radix), loaded by MoveToMenu the first time a
 * card's button is pressed and opened at once; from then on that card keeps it.
 */
export function MoveToMenuRadix({ label, current, onMove }: MoveToMenuProps) {
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger aria-label={`Move to…, ${label}`} className={moveToButtonClassName}>
        <MoveToLabel />
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
