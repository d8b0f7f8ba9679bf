// The one fetch wrapper the query hooks share: JSON in, JSON out, and an API error body turned
// into an ApiError that keeps the route's message, error list and suggestions for the UI.

export interface TApiErrorBody {
  error?: string;
  message?: string;
  /** a field error ({ path, message }) or a bad ref ({ ref, reason, message, candidates }: ZRefProblem) */
  errors?: { path?: string; ref?: string; message: string; candidates?: string[] }[];
  /** node keys close to an unknown ref */
  suggestions?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: TApiErrorBody,
  ) {
    super(body.errors?.length ? body.errors.map((error) => error.message).join("; ") : (body.error ?? body.message ?? `request failed (${status})`));
  }
  /** node keys close to an unknown or ambiguous ref */
  get suggestions(): string[] {
    return [...new Set([...(this.body.suggestions ?? []), ...(this.body.errors ?? []).flatMap((error) => error.candidates ?? [])])];
  }
  /** the refs the server rejected */
  get badRefs(): string[] {
    return (this.body.errors ?? []).flatMap((error) => (error.ref ? [error.ref] : []));
  }
}

export async function fetchApi<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
    });
  } catch {
    throw new ApiError(0, { error: "the server could not be reached" });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, (body as TApiErrorBody | null) ?? { error: `request failed (${response.status})` });
  return body as T;
}
