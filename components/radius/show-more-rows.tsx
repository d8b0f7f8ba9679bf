"use client";

import { pageWindowText, type TPageWindow } from "./use-paged-rows";

/**
 * The line under a paged list: how much of it is shown, announced as it changes, and the button
 * for more. `id` is also the test id; give it to the list's aria-describedby while `page.paged`.
 */
export function ShowMoreRows({ page, onShowMore, id, order }: { page: TPageWindow; onShowMore: () => void; id: string; order?: string }) {
  if (!page.paged) return null;
  return (
    <div className="show-more-rows">
      <p id={id} className="muted" aria-live="polite" data-testid={id}>
        {pageWindowText(page, order)}
      </p>
      {page.remaining > 0 ? (
        <button type="button" className="button" onClick={onShowMore}>
          Show {page.nextStep.toLocaleString("en")} more
        </button>
      ) : null}
    </div>
  );
}
