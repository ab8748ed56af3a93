"use client";

import { lazy, Suspense, useState } from "react";
import type { JobStatus } from "@/lib/jobs/job-enums";

export interface MoveToMenuProps {
  label: string;
  current: JobStatus;
  onMove: (to: JobStatus) => void;
}

export const moveToButtonClassName =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 data-[state=open]:bg-slate-100";

export function MoveToLabel() {
  return (
    <>
      Move to… <span aria-hidden="true">▾</span>
    </>
  );
}

// Radix's menu code loads when a card's menu is first asked for, not with the board (ADR-025).
const MoveToMenuRadix = lazy(() => import("@/components/jobs/board/move-to-menu-radix").then((module) => ({ default: module.MoveToMenuRadix })));

/**
 * Moving a card without dragging: a menu of the other statuses, usable with
 * the keyboard, a screen reader or a thumb. Until first pressed it is a plain
 * button of the same name and look; pressing it loads the menu, open.
 */
export function MoveToMenu(props: MoveToMenuProps) {
  const [wanted, setWanted] = useState(false);
  if (!wanted) return <PlainButton label={props.label} pressed={false} onPress={() => setWanted(true)} />;
  return (
    // While the menu's code loads, the button stays, pressed.
    <Suspense fallback={<PlainButton label={props.label} pressed />}>
      <MoveToMenuRadix {...props} />
    </Suspense>
  );
}

function PlainButton({ label, pressed, onPress }: { label: string; pressed: boolean; onPress?: () => void }) {
  return (
    <button
      type="button"
      // The name starts with the visible text (WCAG 2.5.3, label in name), so "click Move to…" works by voice.
      aria-label={`Move to…, ${label}`}
      aria-haspopup="menu"
      aria-expanded={pressed}
      data-state={pressed ? "open" : "closed"}
      onClick={onPress}
      className={moveToButtonClassName}
    >
      <MoveToLabel />
    </button>
  );
}
