"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { parseAsString, useQueryState } from "nuqs";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { AddressMatchCard, addressMatchSummary } from "@/components/customers/lookup/address-match-card";
import { LookupMatchCard, lookupMatchSummary } from "@/components/customers/lookup/lookup-match-card";
import { MirrorFreshness } from "@/components/mirror/mirror-freshness";
import { inputClassName, primaryButtonClassName } from "@/components/ui/field";
import { useLookup, type LookupMatch } from "@/lib/customers/queries/lookup-callers";
import { newCustomerHref } from "@/lib/customers/customer-prefill";
import { classifyLookupQuery, isWholePhoneNumber, type LookupQuery } from "@/lib/customers/lookup-query";
import { errorText, needsAdministrator } from "@/lib/http/error-advice";
import { customerKeys } from "@/lib/customers/queries/customer-query-keys";
import { StaleDataNotice } from "@/components/query/stale-data-notice";
import type { AddressMatch } from "@/lib/mirror/mirror-types";

/** The pause in typing that sends a search (a whole phone number goes at once): one request per pause keeps the CRM allowance for real lookups. */
const DEBOUNCE_MS = 250;
const LISTBOX_ID = "lookup-results";

/** The lookup box's text as a cache key: the same search however it was spaced. */
const normalize = (text: string) => text.trim().replace(/\s+/g, " ");

/** One entry of the list, in keyboard order: the CRM's matches first, then the address matches. */
type LookupOption = { kind: "customer"; match: LookupMatch } | { kind: "address"; match: AddressMatch };

/** Where Enter takes an option: the customer, or for a job's service address, that job. */
function optionHref(option: LookupOption): string {
  if (option.kind === "customer") return `/customers/${option.match.uuid}`;
  return option.match.matched === "service" && option.match.job_uuid ? `/jobs/${option.match.job_uuid}` : `/customers/${option.match.customer_uuid}`;
}

function addressStatus(total: number, shown: number): string {
  if (total === 0) return "No address matches.";
  if (total > shown) return `${total} addresses match. Showing the first ${shown}; type more to narrow them down.`;
  return `${total} address${total === 1 ? " matches" : "es match"}.`;
}

function describeQuery(query: LookupQuery): string {
  switch (query.kind) {
    case "phone":
      return `phone ${query.display}`;
    case "email":
      return `email ${query.value}`;
    case "name":
      return `name “${query.value}”`;
    case "too_short":
      return "";
  }
}

/**
 * The caller lookup: one box for a phone number in any format, an email, a
 * name or part of an address, answered as the person types (one request per
 * pause; a request for a query already typed past is cancelled). Phone, email
 * and name are the CRM's search; what may be part of an address is also
 * matched against Tradesdesk's copy of the CRM (physical, billing and job
 * service addresses), listed after the CRM's matches under its own heading,
 * with the copy's age. A combobox: focus stays in the box, Up/Down move
 * through all the matches, Enter opens the highlighted one. The search is
 * kept in the URL (?q=), so Back from a customer returns to it.
 */
export function CallerLookup({ canWrite, timeZone }: { canWrite: boolean; timeZone: string }) {
  const router = useRouter();
  const [urlQuery, setUrlQuery] = useQueryState("q", parseAsString.withDefault("").withOptions({ history: "replace" }));
  const [text, setText] = useState(urlQuery);
  const [searched, setSearched] = useState(normalize(urlQuery));
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const query = classifyLookupQuery(searched);
  const enabled = query.kind !== "too_short";
  const lookup = useLookup(searched, enabled);
  const matches = enabled ? (lookup.data?.matches ?? []) : [];
  const total = enabled ? (lookup.data?.total ?? 0) : 0;
  const addresses = enabled ? (lookup.data?.addresses ?? null) : null;
  const addressMatches = addresses?.matches ?? [];
  const crmUnanswered = enabled ? (lookup.data?.crm_unanswered ?? null) : null;
  const options: LookupOption[] = [
    ...matches.map((match) => ({ kind: "customer" as const, match })),
    ...addressMatches.map((match) => ({ kind: "address" as const, match })),
  ];
  // The list on screen belongs to what is in the box right now (not to an earlier search still showing).
  const current = normalize(text) === searched && !lookup.isPlaceholderData && lookup.isSuccess;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  useEffect(() => {
    input.current?.focus();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  function search(next: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const normalized = normalize(next);
    setSearched(normalized);
    setActive(0);
    void setUrlQuery(normalized || null);
  }

  function open(index: number) {
    const option = options[index];
    if (option) router.push(optionHref(option));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setActive(options.length ? (activeIndex + 1) % options.length : 0);
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive(options.length ? (activeIndex - 1 + options.length) % options.length : 0);
        break;
      case "Enter":
        event.preventDefault();
        // Never open a match of an earlier search: search now, Enter again once the list is current.
        if (current) open(activeIndex);
        else search(text);
        break;
      case "Escape":
        if (text !== "") {
          event.preventDefault();
          setText("");
          search("");
        }
        break;
    }
  }

  const typed = classifyLookupQuery(text);
  const crmStatus =
    crmUnanswered !== null
      ? ""
      : total === 0
        ? `No customer matches ${describeQuery(query)}.`
        : total > matches.length
          ? `${total} customers match. Showing the first ${matches.length}; type more to narrow them down.`
          : `${total} customer${total === 1 ? "" : "s"} match${total === 1 ? "es" : ""}.`;
  const status = !enabled || !current ? "" : [crmStatus, addresses ? addressStatus(addresses.total, addressMatches.length) : ""].filter(Boolean).join(" ");
  const nothingFound = total === 0 && (addresses?.total ?? 0) === 0;
  const optionProps = (index: number) => ({
    id: `lookup-option-${index}`,
    role: "option" as const,
    "aria-selected": index === activeIndex,
    onMouseMove: () => setActive(index),
    onClick: () => open(index),
    className: `cursor-pointer rounded-lg border bg-white p-4 ${
      index === activeIndex ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200 hover:border-slate-400"
    }`,
  });

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="lookup-input" className="block text-base font-medium text-slate-800">
          Phone, email, name or address
        </label>
        <input
          ref={input}
          id="lookup-input"
          type="search"
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? `lookup-option-${activeIndex}` : undefined}
          aria-describedby="lookup-help"
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            if (timer.current) clearTimeout(timer.current);
            // A whole number is what a caller reads out: ask now, not after the pause.
            if (isWholePhoneNumber(next)) search(next);
            else timer.current = setTimeout(() => search(next), DEBOUNCE_MS);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          placeholder="(206) 555-1234, name@example.com, Lee or 986 Greenwood"
          className={`${inputClassName} mt-2 py-3 text-lg sm:text-xl`}
        />
        <p id="lookup-help" className="mt-1 text-sm text-slate-600">
          Any phone format works; an address can be a house number and street, a city or a ZIP. ↑ ↓ move through the matches, Enter opens one, Esc clears.
        </p>
      </div>

      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-slate-800">
        {typed.kind === "too_short" && text.trim() !== "" ? "Type at least 2 letters or 3 digits." : status}
        {enabled && lookup.isFetching && !current && <span className="text-slate-500">Searching…</span>}
      </p>

      {enabled && <StaleDataNotice queryKeys={[customerKeys.lookup(searched)]} />}
      {lookup.isError && enabled && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          The lookup failed: {errorText(lookup.error)}{" "}
          {!needsAdministrator(lookup.error) && (
            <button type="button" className="font-medium underline" onClick={() => void lookup.refetch()}>
              Retry
            </button>
          )}
        </div>
      )}

      {crmUnanswered && current && (
        <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Phones, emails and names were not searched: the CRM could not be asked. {crmUnanswered.message} Addresses below are from Tradesdesk&apos;s copy of the
          CRM.
        </div>
      )}
      {addresses && current && <MirrorFreshness asOf={addresses.asOf} timeZone={timeZone} canSync={canWrite} />}

      <div id={LISTBOX_ID} role="listbox" aria-label="Matches" className={`space-y-4 ${current ? "" : "opacity-60"}`}>
        {matches.length > 0 && (
          <div role="group" aria-label="Customers by phone, email or name" className="space-y-2">
            {addressMatches.length > 0 && (
              <p aria-hidden="true" className="text-sm font-medium text-slate-700">
                By phone, email or name
              </p>
            )}
            {matches.map((match, index) => (
              <div key={match.uuid} {...optionProps(index)} aria-label={lookupMatchSummary(match)}>
                <LookupMatchCard match={match} timeZone={timeZone} />
              </div>
            ))}
          </div>
        )}
        {addressMatches.length > 0 && (
          <div role="group" aria-label="Customers by address" className="space-y-2">
            <p aria-hidden="true" className="text-sm font-medium text-slate-700">
              By address
            </p>
            {addressMatches.map((match, offset) => (
              <div
                key={`${match.matched}-${match.customer_uuid}-${match.job_uuid ?? ""}`}
                {...optionProps(matches.length + offset)}
                aria-label={addressMatchSummary(match)}
              >
                <AddressMatchCard match={match} />
              </div>
            ))}
          </div>
        )}
      </div>

      {canWrite && enabled && current && (
        <div className={nothingFound ? "rounded-lg border border-dashed border-slate-300 bg-white p-4" : "text-sm"}>
          {nothingFound && <p className="mb-3 text-sm text-slate-700">A new caller? Start their record with what you typed.</p>}
          <Link href={newCustomerHref(searched)} className={nothingFound ? primaryButtonClassName : "font-medium text-brand-700 underline"}>
            {nothingFound ? "New customer" : "None of these? New customer"}
          </Link>
        </div>
      )}
    </div>
  );
}
