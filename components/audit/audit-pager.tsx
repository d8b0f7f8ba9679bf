import type { TAuditPage } from "@/lib/schemas/audit";
import styles from "./audit-pager.module.css";

const number = new Intl.NumberFormat("en-US");

/**
 * "Events 101–200 of 1,234" and the links around it. `base` is the filter query every link keeps;
 * the links move a cursor (before/after an event id), see list-audit-events.ts.
 */
export function AuditPager({ page, base }: { page: TAuditPage; base: Record<string, string> }) {
  const href = (cursor: Record<string, string>) => `/audit?${new URLSearchParams({ ...base, ...cursor })}`;
  const first = page.events[0];
  const last = page.events.at(-1);
  const links: { label: string; rel?: string; cursor: Record<string, string>; enabled: boolean }[] = [
    { label: "Newest", rel: undefined, cursor: {}, enabled: page.newer > 0 },
    { label: "← Newer", rel: "prev", cursor: first ? { after: String(first.id) } : {}, enabled: page.newer > 0 },
    { label: "Older →", rel: "next", cursor: last ? { before: String(last.id) } : {}, enabled: page.older > 0 },
    { label: "Oldest", rel: undefined, cursor: { after: "0" }, enabled: page.older > 0 },
  ];
  return (
    <nav className={styles.pager} aria-label="Audit log pages">
      <span data-testid="audit-position">
        {page.events.length === 0
          ? `No events on this page · ${number.format(page.total)} matching in all`
          : `Events ${number.format(page.newer + 1)}–${number.format(page.newer + page.events.length)} of ${number.format(page.total)}`}
      </span>
      <span className={styles.links}>
        {links.map((link) =>
          link.enabled ? (
            <a key={link.label} className="button" href={href(link.cursor)} rel={link.rel}>
              {link.label}
            </a>
          ) : (
            <span key={link.label} className={`button ${styles.disabled}`} aria-disabled="true">
              {link.label}
            </span>
          ),
        )}
      </span>
    </nav>
  );
}
