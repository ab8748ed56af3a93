"use client";

import { useState, type ClipboardEvent, type KeyboardEvent, type Ref } from "react";

/**
 * A list of short labels typed into one box: Enter or a comma adds what was
 * typed, Backspace in the empty box removes the last tag, every tag has its
 * own labelled remove button, and text pasted with commas becomes several
 * tags. Text still in the box when it loses focus is added too, so nothing
 * typed is lost. Repeats (ignoring case) are dropped, as the schema does.
 */
export function TagInput({
  id,
  value,
  onChange,
  onBlur,
  maxTags,
  maxLength,
  invalid,
  describedBy,
  inputRef,
}: {
  id: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  onBlur?: () => void;
  maxTags: number;
  maxLength: number;
  invalid?: boolean;
  describedBy?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= maxTags;

  /** Adds what was typed; false (text kept in the box) when a tag is too long to add. */
  function add(raw: string): boolean {
    const incoming = raw
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const tooLong = incoming.find((tag) => tag.length > maxLength);
    if (tooLong) {
      setProblem(`Each tag can be at most ${maxLength} characters`);
      return false;
    }
    const next = [...value];
    let refused: string | null = null;
    for (const tag of incoming) {
      if (next.some((known) => known.toLocaleLowerCase("en-US") === tag.toLocaleLowerCase("en-US"))) continue;
      if (next.length >= maxTags) {
        refused = `Use at most ${maxTags} tags`;
        break;
      }
      next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
    setProblem(refused);
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      // Enter adds a tag here; it must not submit the form.
      event.preventDefault();
      if (add(text)) setText("");
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      event.preventDefault();
      onChange(value.slice(0, -1));
      setProblem(null);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = event.clipboardData.getData("text");
    if (!pasted.includes(",")) return;
    event.preventDefault();
    if (add(`${text}${pasted}`)) setText("");
  }

  const problemId = `${id}-problem`;
  return (
    <div>
      <div
        className={`flex min-h-10 flex-wrap items-center gap-1.5 rounded-md border bg-white px-2 py-1.5 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 ${
          invalid || problem ? "border-red-600" : "border-slate-300"
        }`}
      >
        {value.length > 0 && (
          <ul className="contents" aria-label="Tags added">
            {value.map((tag, index) => (
              <li key={`${tag}-${index}`} className="inline-flex items-center gap-1 rounded bg-brand-50 py-0.5 pl-2 pr-1 text-sm text-brand-900">
                {tag}
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => {
                    onChange(value.filter((_, position) => position !== index));
                    setProblem(null);
                  }}
                  className="rounded px-1 text-brand-700 hover:bg-brand-100"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (add(text)) setText("");
            onBlur?.();
          }}
          placeholder={full ? `${maxTags} tags is the most` : value.length === 0 ? "e.g. gate code, dog on site" : undefined}
          autoComplete="off"
          aria-invalid={invalid || problem ? true : undefined}
          aria-describedby={[problem ? problemId : null, describedBy].filter(Boolean).join(" ") || undefined}
          // The frame around the tags shows focus (ring) and errors (border) for the whole control.
          className="min-w-32 flex-1 bg-transparent px-1 py-1 text-sm placeholder:text-slate-400 focus:outline-none focus-visible:outline-none"
        />
      </div>
      {problem && (
        <p id={problemId} role="alert" className="mt-1 text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
