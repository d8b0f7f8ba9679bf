"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { isCurrentNavItem, type TNavItem } from "./nav-items";

const MENU_ID = "main-menu";

// The navigation and the account form. Wide windows show them in the header row and CSS hides the
// button; on a phone they fold behind a disclosure button (the WAI-ARIA disclosure pattern: a real
// <button> with aria-expanded and aria-controls, so Enter and Space work without extra code).
export function MainMenu({ items, account }: { items: readonly TNavItem[]; account: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  // A followed link, or the back button, lands on another page: the open menu would cover it.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  // A tap outside the open menu closes it, as it does for every phone menu people already know.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!document.getElementById(MENU_ID)?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="main-menu" onKeyDown={closeOnEscape}>
      <button ref={toggle} type="button" className="button main-menu-toggle" aria-expanded={open} aria-controls={MENU_ID} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id={MENU_ID} className="main-menu-panel" data-open={open}>
        <nav aria-label="Main">
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.href}>
                {/* a link to the page already shown changes no pathname, so it closes the menu itself */}
                <Link href={item.href} aria-current={isCurrentNavItem(item, pathname) ? "page" : undefined} onClick={() => setOpen(false)}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {account}
      </div>
    </div>
  );
}
