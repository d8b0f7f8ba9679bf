import { ApiError } from "@/lib/queries/fetch-api";

/** A question the server refused: its words, and the engine's closest keys for a ref it did not know. */
export function RadiusError({ error, refs, onSuggestion }: { error: Error; refs: string[]; onSuggestion: (key: string, bad: string | null) => void }) {
  const suggestions = error instanceof ApiError ? error.suggestions : [];
  const badRefs = error instanceof ApiError ? error.badRefs : [];
  const bad = refs.find((ref) => badRefs.includes(ref)) ?? refs.find((ref) => error.message.includes(ref)) ?? (refs.length === 1 ? refs[0] : null);
  return (
    <div className="error-box" role="alert" data-testid="radius-error">
      <h2>Could not compute the blast radius</h2>
      <p>{error.message}</p>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul>
            {suggestions.map((key) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => onSuggestion(key, bad)}>
                  {key}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
