"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { inputClassName } from "@/components/ui/field";

/**
 * The row above a table: search on the left, filters and actions after it;
 * wraps onto several lines on a phone.
 */
export function DataTableToolbar({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-end gap-3">{children}</div>;
}

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

/**
 * Search as you type. The box updates on every key, `onSearch` only once the
 * typing pauses for `delayMs` (or at once on Enter), so a search costs one
 * request per pause, not one per letter. Escape clears it. "/" anywhere on
 * the page (outside other inputs) focuses it, as in most web apps;
 * ArrowDown calls `onArrowDown` (e.g. to move into the results).
 */
export function DataTableSearch({
  id,
  label,
  value,
  onSearch,
  delayMs = 300,
  placeholder,
  onArrowDown,
}: {
  id: string;
  label: string;
  /** The search in effect (e.g. from the URL); the box follows it when it changes elsewhere (Back). */
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
  placeholder?: string;
  onArrowDown?: () => void;
}) {
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  // What this box last asked for: when `value` catches up with it, the box keeps
  // what was typed since (the user may be mid-word).
  const [emitted, setEmitted] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // The search changed outside the box (Back, a "clear filters" link): show it.
  if (value !== applied) {
    setApplied(value);
    if (value !== emitted) {
      setEmitted(value);
      setText(value);
    }
  }

  const cancelPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const apply = (next: string) => {
    cancelPending();
    const trimmed = next.trim();
    if (trimmed === value) return;
    setEmitted(trimmed);
    onSearch(trimmed);
  };

  useEffect(() => cancelPending, []);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      apply(text);
    } else if (event.key === "Escape" && text !== "") {
      event.preventDefault();
      setText("");
      apply("");
    } else if (event.key === "ArrowDown" && onArrowDown) {
      event.preventDefault();
      apply(text);
      onArrowDown();
    }
  }

  return (
    <div className="w-full sm:w-80">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative mt-1">
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/"
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            cancelPending();
            timer.current = setTimeout(() => apply(next), delayMs);
          }}
          onKeyDown={onKeyDown}
          className={`${inputClassName} pr-9`}
        />
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500"
        >
          /
        </kbd>
      </div>
    </div>
  );
}
