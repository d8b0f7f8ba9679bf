"use client";

import "./inventory.css";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { useInventory } from "@/lib/queries/use-inventory";
import {
  INVENTORY_SPECS,
  inventoryQueryToParams,
  PAGE_SIZES,
  parseInventoryQuery,
  type TInventoryKind,
  type TInventoryPage,
  type TInventoryQuery,
} from "@/lib/schemas/inventory-query";
import { CRITICALITIES, EXPOSURES } from "@/lib/schemas/graph-facts";
import { valueLabel } from "@/lib/labels/value-labels";
import { formatCell } from "./format-cell";
import { InventoryTabs } from "./inventory-tabs";
import { TableScroll } from "@/components/ui/table-scroll";

// The inventory of one kind. The view's state is the URL's query string: every change is pushed
// to history (so Back works and the link can be shared) and read back through useSearchParams;
// the rows come from GET /api/inventory/[kind] through TanStack Query, the first page from the server.

export function InventoryPage({ kind, initial }: { kind: TInventoryKind; initial: { search: string; page: TInventoryPage } | null }) {
  const spec = INVENTORY_SPECS[kind];
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => parseInventoryQuery(kind, new URLSearchParams(searchParams.toString())), [kind, searchParams]);

  if (!parsed.ok) {
    return (
      <section aria-labelledby="inventory-title">
        <h1 id="inventory-title">{spec.label}</h1>
        <InventoryTabs current={kind} />
        <div className="error-box" role="alert">
          <h2>This view's address has invalid filters</h2>
          <ul>
            {parsed.errors.map((error) => (
              <li key={`${error.path}:${error.message}`}>
                <code>{error.path}</code>: {error.message}
              </li>
            ))}
          </ul>
          <Link href={pathname}>Clear all filters</Link>
        </div>
      </section>
    );
  }
  return <InventoryView kind={kind} query={parsed.query} initial={initial} />;
}

function InventoryView({ kind, query, initial }: { kind: TInventoryKind; query: TInventoryQuery; initial: { search: string; page: TInventoryPage } | null }) {
  const spec = INVENTORY_SPECS[kind];
  const pathname = usePathname();
  const result = useInventory(kind, query, initial ?? undefined);

  const navigate = (change: Partial<TInventoryQuery>, options: { resetPage?: boolean } = { resetPage: true }) => {
    const next = { ...query, ...change, ...(options.resetPage ? { page: 1 } : {}) };
    const search = inventoryQueryToParams(next).toString();
    // Next.js syncs native history calls with useSearchParams, without a server round trip
    window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
  };

  const page = result.data;
  const sortColumn = query.sort ?? spec.defaultSort;
  const first = page && page.total > 0 ? (page.page - 1) * page.pageSize + 1 : 0;
  const last = page ? Math.min(page.total, page.page * page.pageSize) : 0;
  const filtered = inventoryQueryToParams({ ...query, sort: undefined, dir: "asc", page: 1, pageSize: 25 }).toString() !== "";

  return (
    <section aria-labelledby="inventory-title">
      <h1 id="inventory-title">
        <span aria-hidden="true" style={{ color: NODE_KIND_REGISTRY[spec.nodeKind].colour }}>
          {NODE_KIND_REGISTRY[spec.nodeKind].glyph}
        </span>{" "}
        {spec.label}
      </h1>
      <InventoryTabs current={kind} />
      <InventoryFilters kind={kind} query={query} onChange={navigate} />

      <div className="inventory-status">
        <span role="status" data-testid="inventory-count">
          {page ? (
            page.total === 0 ? (
              `No ${spec.label.toLowerCase()}${filtered ? " match these filters" : " yet"}`
            ) : (
              <>
                Showing{" "}
                <strong data-testid="inventory-range">
                  {first.toLocaleString("en")}–{last.toLocaleString("en")}
                </strong>{" "}
                of <strong data-testid="inventory-total">{page.total.toLocaleString("en")}</strong> {spec.label.toLowerCase()}
              </>
            )
          ) : result.isPending ? (
            "Loading…"
          ) : null}
          {result.isFetching && page ? <span className="muted"> · updating…</span> : null}
        </span>
        {page && page.total > 0 ? (
          <Pagination page={page} onPage={(target) => navigate({ page: target }, { resetPage: false })} onPageSize={(pageSize) => navigate({ pageSize })} />
        ) : null}
      </div>

      {result.isError && !page ? (
        <div className="error-box" role="alert">
          <p>
            The {spec.label.toLowerCase()} could not be loaded: {result.error.message}
          </p>
          <button type="button" className="button" onClick={() => result.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {result.isPending && !page ? <TableSkeleton /> : null}

      {page && page.total === 0 ? (
        <div className="empty-state" data-testid="inventory-empty">
          {filtered ? (
            <>
              <p>No {spec.label.toLowerCase()} match these filters.</p>
              <Link href={pathname}>Clear all filters</Link>
            </>
          ) : (
            <p>
              No {spec.label.toLowerCase()} in the graph yet. Import workflows, lockfiles or an inventory file with{" "}
              <code>npx blastmap import &lt;path&gt;</code>.
            </p>
          )}
        </div>
      ) : null}

      {page && page.total > 0 ? (
        <TableScroll label={spec.label}>
          <table className="table inventory-table" aria-busy={result.isFetching} aria-label={spec.label} data-testid="inventory-table">
            <thead>
              <tr>
                {spec.columns.map((column) => {
                  const active = sortColumn === column.id;
                  const ariaSort = active ? (query.dir === "asc" ? "ascending" : "descending") : undefined;
                  return (
                    <th key={column.id} aria-sort={ariaSort} scope="col">
                      {column.sortable ? (
                        <button type="button" onClick={() => navigate({ sort: column.id, dir: active && query.dir === "asc" ? "desc" : "asc" })}>
                          {column.label}
                          <span aria-hidden="true">{active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                        </button>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
                {spec.flags.length ? <th scope="col">Risk</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} data-testid="inventory-row">
                  {spec.columns.map((column) =>
                    column.id === "name" ? (
                      <td key={column.id} className="name-cell">
                        <Link href={`/entity/${row.id}`}>{row.name}</Link> {row.compromised ? <span className="badge badge-danger">compromised</span> : null}{" "}
                        {row.assumedCompromised ? <span className="badge badge-danger">assumed compromised</span> : null}
                      </td>
                    ) : (
                      <td key={column.id}>{formatCell(row.cells[column.id])}</td>
                    ),
                  )}
                  {spec.flags.length ? (
                    <td>
                      <span className="flag-list">
                        {row.flags.map((flag) => (
                          <span key={flag} className="badge badge-medium" data-flag={flag}>
                            {valueLabel(flag)}
                          </span>
                        ))}
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

function Pagination({ page, onPage, onPageSize }: { page: TInventoryPage; onPage: (page: number) => void; onPageSize: (size: number) => void }) {
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        ← Previous
      </button>
      <span data-testid="inventory-page">
        Page {page.page.toLocaleString("en")} of {page.pageCount.toLocaleString("en")}
      </span>
      <button type="button" className="button" disabled={page.page >= page.pageCount} onClick={() => onPage(page.page + 1)}>
        Next →
      </button>
      <label>
        <span className="muted">Rows </span>
        <select value={page.pageSize} onChange={(event) => onPageSize(Number(event.target.value))} aria-label="Rows per page">
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

function TableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}

function InventoryFilters({ kind, query, onChange }: { kind: TInventoryKind; query: TInventoryQuery; onChange: (change: Partial<TInventoryQuery>) => void }) {
  const spec = INVENTORY_SPECS[kind];
  const [text, setText] = useState(query.q ?? "");
  const [owner, setOwner] = useState(query.owner ?? "");
  // typing is debounced; Back/Forward (a new query.q) resets the box
  useEffect(() => setText(query.q ?? ""), [query.q]);
  useEffect(() => setOwner(query.owner ?? ""), [query.owner]);
  useEffect(() => {
    if (text === (query.q ?? "")) return;
    const timer = setTimeout(() => onChange({ q: text || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  useEffect(() => {
    if (owner === (query.owner ?? "")) return;
    const timer = setTimeout(() => onChange({ owner: owner || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner]);
  const toggle = <T extends string>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <form className="inventory-filters" role="search" aria-label={`Filter ${spec.label.toLowerCase()}`} onSubmit={(event) => event.preventDefault()}>
      <label>
        Search
        <input type="search" value={text} placeholder="name or key" onChange={(event) => setText(event.target.value)} />
      </label>
      {spec.types ? (
        <label>
          {spec.typeLabel}
          <select value={query.type ?? ""} onChange={(event) => onChange({ type: event.target.value || undefined })}>
            <option value="">any</option>
            {spec.types.map((type) => (
              <option key={type} value={type}>
                {valueLabel(type)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {spec.filters.owner ? (
        <label>
          Owner
          <input type="text" value={owner} placeholder="team or person" onChange={(event) => setOwner(event.target.value)} />
        </label>
      ) : null}
      {spec.filters.lifetime ? (
        <label>
          Lifetime
          <select value={query.lifetime ?? ""} onChange={(event) => onChange({ lifetime: (event.target.value || undefined) as TInventoryQuery["lifetime"] })}>
            <option value="">any</option>
            <option value="longLived">{valueLabel("longLived")}</option>
            <option value="shortLived">{valueLabel("shortLived")}</option>
          </select>
        </label>
      ) : null}
      {spec.filters.compromised ? (
        <label>
          Compromised
          <select
            value={query.compromised ?? ""}
            onChange={(event) => onChange({ compromised: (event.target.value || undefined) as TInventoryQuery["compromised"] })}
          >
            <option value="">any</option>
            <option value="yes">compromised</option>
            <option value="no">not compromised</option>
          </select>
        </label>
      ) : null}
      {spec.filters.exposure ? (
        <fieldset>
          <legend>Exposure</legend>
          <div>
            {EXPOSURES.map((exposure) => (
              <label key={exposure} className="chip">
                <input type="checkbox" checked={query.exposure.includes(exposure)} onChange={() => onChange({ exposure: toggle(query.exposure, exposure) })} />
                {exposure}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {spec.filters.criticality ? (
        <fieldset>
          <legend>Criticality</legend>
          <div>
            {CRITICALITIES.map((criticality) => (
              <label key={criticality} className="chip">
                <input
                  type="checkbox"
                  checked={query.criticality.includes(criticality)}
                  onChange={() => onChange({ criticality: toggle(query.criticality, criticality) })}
                />
                {criticality}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {spec.flags.length ? (
        <fieldset>
          <legend>Risk flags</legend>
          <div>
            {spec.flags.map((flag) => (
              <label key={flag} className="chip">
                <input type="checkbox" checked={query.flags.includes(flag)} onChange={() => onChange({ flags: toggle(query.flags, flag) })} />
                {valueLabel(flag)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </form>
  );
}
