"use client";

import { FilterChips } from "@/components/ui/filter-chips";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { valueLabel } from "@/lib/labels/value-labels";
import { CRITICALITIES, EXPOSURES } from "@/lib/schemas/graph-facts";
import type { InventorySpec, TInventoryQuery } from "@/lib/schemas/inventory-query";
import { useDebouncedField } from "./use-debounced-field";

// The filters an inventory kind supports (its spec in lib/schemas/inventory-query.ts), each bound
// to the URL: a choice changes the query at once, typing after a pause.

export function InventoryFilters({
  spec,
  query,
  onChange,
}: {
  spec: InventorySpec;
  query: TInventoryQuery;
  onChange: (change: Partial<TInventoryQuery>) => void;
}) {
  const [text, setText] = useDebouncedField(query.q, (q) => onChange({ q }));
  const [owner, setOwner] = useDebouncedField(query.owner, (owner) => onChange({ owner }));

  return (
    <form
      className="inventory-filters"
      role="search"
      aria-label={`Filter ${NODE_KIND_REGISTRY[spec.nodeKind].count.other}`}
      onSubmit={(event) => event.preventDefault()}
    >
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
        <FilterChips legend="Exposure" values={EXPOSURES} checked={query.exposure} onChange={(exposure) => onChange({ exposure })} />
      ) : null}
      {spec.filters.criticality ? (
        <FilterChips legend="Criticality" values={CRITICALITIES} checked={query.criticality} onChange={(criticality) => onChange({ criticality })} />
      ) : null}
      {spec.flags.length ? (
        <FilterChips legend="Risk flags" values={spec.flags} checked={query.flags} onChange={(flags) => onChange({ flags })} label={valueLabel} />
      ) : null}
    </form>
  );
}
