"use client";

import { useEffect, type RefObject } from "react";

// The summary cards stay in view while what-if controls are toggled (radius.css makes them sticky
// on screens wide and tall enough). They stick below the app's header, whose height the layout
// decides (its navigation wraps on narrower screens), so it is measured rather than assumed; the
// summary's own height is measured too, so what is scrolled into view is not left under it.

const HEADER = ".shell-header";
const SUMMARY = ".radius-summary-sticky";

export function useStickySummary(section: RefObject<HTMLElement | null>, mounted: boolean): void {
  useEffect(() => {
    const page = section.current;
    if (!page || !mounted) return;
    const header = document.querySelector<HTMLElement>(HEADER);
    const summary = page.querySelector<HTMLElement>(SUMMARY);
    const measure = () => {
      const headerPosition = header ? getComputedStyle(header).position : "static";
      const top = header && (headerPosition === "sticky" || headerPosition === "fixed") ? header.getBoundingClientRect().height : 0;
      const height = summary && getComputedStyle(summary).position === "sticky" ? summary.getBoundingClientRect().height : 0;
      page.style.setProperty("--radius-sticky-top", `${Math.round(top)}px`);
      page.style.setProperty("--radius-sticky-height", `${Math.round(height)}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (header) observer.observe(header);
    if (summary) observer.observe(summary);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [section, mounted]);
}
