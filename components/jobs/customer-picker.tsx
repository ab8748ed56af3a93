"use client";

import { useEffect, useId, useState, type KeyboardEvent, type Ref } from "react";
import { inputClassName } from "@/components/ui/field";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { CUSTOMER_OPTION_LIMIT, useCustomerOptions } from "@/lib/jobs/queries/get-customer-options";
import { personName } from "@/lib/jobs/job-format";
import type { CustomerRecord } from "@/lib/jobs/job-types";

interface CustomerPickerProps {
  id: string;
  value: CustomerRecord | null;
  onChange: (customer: CustomerRecord | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  placeholder?: string;
  /** Lets a form focus the box (e.g. the first field with an error). */
  inputRef?: Ref<HTMLInputElement>;
}

export function customerDisplayName(customer: CustomerRecord): string {
  const name = personName(customer);
  return customer.company_name ? `${name} (${customer.company_name})` : name;
}

function customerDetail(customer: CustomerRecord): string {
  return [customer.phone, customer.email, [customer.physical_address1, customer.physical_city].filter(Boolean).join(", ")].filter(Boolean).join(" · ");
}

/**
 * Choose a customer by typing part of a name, company, phone or email: the
 * WAI-ARIA combobox pattern (a text box that owns a list box; arrow keys move
 * the active option, announced through aria-activedescendant while focus stays
 * in the box; Enter chooses, Escape closes). One search per pause in typing.
 */
export function CustomerPicker({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  describedBy,
  placeholder = "Type a name, phone or email",
  inputRef,
}: CustomerPickerProps) {
  const [text, setText] = useState("");
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const term = useDebouncedValue(editing ? text : "", 250);
  const options = useCustomerOptions(term);
  const statusId = useId();
  const listId = `${id}-listbox`;

  const customers = term.trim().length >= 2 ? (options.data?.customers ?? []) : [];
  const total = options.data?.pagination.total ?? 0;
  const shownText = editing ? text : value ? customerDisplayName(value) : "";
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  function choose(customer: CustomerRecord) {
    onChange(customer);
    setEditing(false);
    setOpen(false);
    setActiveIndex(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        setActiveIndex((index) => Math.min(index + 1, customers.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Home":
      case "End":
        if (!open || customers.length === 0) return;
        event.preventDefault();
        setActiveIndex(event.key === "Home" ? 0 : customers.length - 1);
        break;
      case "Enter": {
        const customer = open ? customers[activeIndex] : undefined;
        // Enter in the box never submits the form around it half-chosen.
        if (open || editing) event.preventDefault();
        if (customer) choose(customer);
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActiveIndex(-1);
        } else if (editing) {
          event.preventDefault();
          setEditing(false);
        }
        break;
    }
  }

  let status = "";
  if (editing && text.trim().length < 2) status = "Type at least 2 characters to search customers.";
  else if (editing && (options.isFetching || term !== text)) status = "Searching…";
  else if (editing && options.isError) status = options.error.message;
  else if (editing && customers.length === 0) status = `No customers match “${term.trim()}”.`;
  else if (editing)
    status =
      total > customers.length
        ? `${customers.length} of ${total} customers shown; type more to narrow. Use the up and down arrow keys to choose.`
        : `${customers.length} customer${customers.length === 1 ? "" : "s"} found. Use the up and down arrow keys to choose.`;

  const expanded = open && editing && text.trim().length >= 2;

  return (
    <div className="relative">
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 && customers[activeIndex] ? optionId(activeIndex) : undefined}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[describedBy, statusId].filter(Boolean).join(" ") || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={shownText}
          onChange={(event) => {
            setText(event.target.value);
            setEditing(true);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActiveIndex(-1);
            if (editing) {
              // Emptying the box clears the choice; half-typed text falls back to it.
              if (text.trim() === "") onChange(null);
              setEditing(false);
            }
            onBlur?.();
          }}
          className={`${inputClassName} ${value ? "pr-16" : ""}`}
        />
        {value && !editing && (
          <button
            type="button"
            onClick={() => {
              onChange(null);
              document.getElementById(id)?.focus();
            }}
            className="absolute right-1.5 top-1/2 -translate-y-1/2 rounded px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
          >
            Clear<span className="sr-only"> customer</span>
          </button>
        )}
      </div>
      <p id={statusId} aria-live="polite" className="sr-only">
        {status}
      </p>
      <div hidden={!expanded} className="absolute z-30 mt-1 w-full rounded-md border border-slate-200 bg-white text-sm shadow-lg">
        <ul id={listId} role="listbox" aria-label="Customers" hidden={customers.length === 0} className="max-h-72 overflow-auto py-1">
          {customers.map((customer, index) => (
            <li
              key={customer.uuid}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus in the box: the click must not blur it first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(customer)}
              onMouseMove={() => setActiveIndex(index)}
              className={`cursor-pointer px-3 py-2 ${index === activeIndex ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
            >
              <span className="block font-medium">{customerDisplayName(customer)}</span>
              <span className="block text-xs text-slate-600">{customerDetail(customer) || "No contact details"}</span>
            </li>
          ))}
        </ul>
        {customers.length === 0 && <p className="px-3 py-2 text-slate-600">{status}</p>}
        {total > customers.length && customers.length > 0 && (
          <p className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-600">
            Showing the first {CUSTOMER_OPTION_LIMIT} of {total}. Type more to narrow.
          </p>
        )}
      </div>
    </div>
  );
}
