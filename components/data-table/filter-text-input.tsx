"use client";

import { useEffect, useRef, useState } from "react";
import { inputClassName } from "@/components/ui/field";

/**
 * A labelled text filter (a tag, a city, a ZIP) that applies once typing
 * pauses, at once on Enter or on leaving the box: one list request per
 * pause, not per letter. It follows the value in effect when that changes
 * elsewhere (Back, Clear filters).
 */
export function FilterTextInput({
  id,
  label,
  value,
  onCommit,
  maxLength,
  placeholder,
  className = "w-full sm:w-36",
  delayMs = 400,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  className?: string;
  delayMs?: number;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);

  const commit = (next: string) => {
    cancel();
    const trimmed = next.trim();
    if (trimmed !== value) onCommit(trimmed);
  };

  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        maxLength={maxLength}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          cancel();
          timer.current = setTimeout(() => commit(next), delayMs);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit(text);
          }
        }}
        onBlur={() => commit(text)}
        className={`${inputClassName} mt-1`}
      />
    </div>
  );
}
