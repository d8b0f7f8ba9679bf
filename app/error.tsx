"use client";

// Never shows the error's message or stack: in production Next.js already replaces server errors
// with a digest, and a client error's message could carry imported data or SQL.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="error-box" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>The page could not be shown. Try again; if it keeps failing, give your administrator this reference.</p>
      {error.digest ? (
        <p>
          Reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button className="button" type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
