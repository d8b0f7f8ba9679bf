// Column headers that sort a table held in the page's own state (the radius and explorer tables):
// a button per column, the sorted one saying its direction in aria-sort and an arrow; the same
// column again reverses it.

export interface TSortState<K extends string> {
  key: K;
  descending: boolean;
}

export function SortButtonHeaders<K extends string>({
  columns,
  sort,
  onSort,
}: {
  columns: readonly { key: K; label: string }[];
  sort: TSortState<K>;
  onSort: (sort: TSortState<K>) => void;
}) {
  return (
    <>
      {columns.map((column) => (
        <th key={column.key} scope="col" aria-sort={sort.key === column.key ? (sort.descending ? "descending" : "ascending") : "none"}>
          <button
            type="button"
            className="link-button"
            onClick={() => onSort({ key: column.key, descending: sort.key === column.key ? !sort.descending : false })}
          >
            {column.label}
            {sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}
          </button>
        </th>
      ))}
    </>
  );
}
