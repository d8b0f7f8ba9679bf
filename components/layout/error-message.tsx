/** A problem the user can act on, announced to screen readers; nothing when there is none. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="error-box" role="alert">
      {message}
    </p>
  ) : null;
}
