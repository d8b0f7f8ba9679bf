"use client";

// The last resort when the root layout itself fails: plain markup, no details of the error.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <h1>Blastmap is unavailable</h1>
        <p>Something went wrong while loading the application. Reload the page; if it keeps failing, check the server logs.</p>
        {error.digest ? <p>Reference: {error.digest}</p> : null}
      </body>
    </html>
  );
}
