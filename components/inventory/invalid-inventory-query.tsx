import Link from "next/link";
import type { TInputProblem } from "@/lib/schemas/input-problem";

/** An address whose filters this kind does not support: each error by its parameter, and a way back. */
export function InvalidInventoryQuery({ errors, clearHref }: { errors: readonly TInputProblem[]; clearHref: string }) {
  return (
    <div className="error-box" role="alert">
      <h2>This view's address has invalid filters</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}:${error.message}`}>
            <code>{error.path}</code>: {error.message}
          </li>
        ))}
      </ul>
      <Link href={clearHref}>Clear all filters</Link>
    </div>
  );
}
