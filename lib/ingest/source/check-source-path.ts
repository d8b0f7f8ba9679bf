// An uploaded or zipped path is a name inside the upload, never a place on the server: anything
// that could climb out of it (../, an absolute path, a drive letter, a NUL byte) is refused.

export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return "empty file name";
  if (path.includes("\0")) return "the file name contains a NUL byte";
  const normalised = path.replace(/\\/g, "/");
  if (normalised.startsWith("/") || /^[A-Za-z]:/.test(normalised)) return "an absolute path escapes the upload";
  if (normalised.split("/").some((segment) => segment === "..")) return "a path with ../ escapes the upload";
  return null;
}
