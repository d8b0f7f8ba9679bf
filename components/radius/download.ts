import { fileNameSlug } from "@/lib/labels/file-name-slug";

/** Saves a Blob as a file through a temporary link (works for PNG, JSON and CSV alike). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A filename-safe slug of the radius's source, shortened at a word boundary. */
export const fileSlug = (text: string): string => fileNameSlug(text, { fallback: "radius" });
