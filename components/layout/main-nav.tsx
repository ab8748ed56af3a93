"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The main navigation. On a narrow screen (under 768 px) its links fold
 * behind a Menu button, a disclosure: aria-expanded says whether they show,
 * Escape folds them and puts focus back on the button, and following a link
 * folds them. On wider screens the links are always shown.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link (a new page) folds it again.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  return (
    <nav
      aria-label="Main"
      className="order-last w-full md:order-none md:w-auto md:flex-1"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className="absolute right-4 top-3 inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-800 md:hidden"
      >
        <span aria-hidden="true">☰</span>
        Menu
      </button>
      <ul id={listId} className={`${open ? "flex" : "hidden"} flex-col gap-1 pb-2 text-sm md:flex md:flex-row md:flex-wrap md:gap-4 md:pb-0`}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={pathname === item.href ? "page" : undefined}
              onClick={() => setOpen(false)}
              className="block rounded px-1 py-1 text-slate-700 hover:text-brand-700 aria-[current=page]:font-medium aria-[current=page]:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
