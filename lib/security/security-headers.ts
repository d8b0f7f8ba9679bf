// The response headers every Blastmap response carries. Pure, so the policy is unit-tested.

/**
 * A strict nonce-based CSP: only scripts carrying this request's nonce run, and what they load
 * ('strict-dynamic'); no inline script, no eval (except under `next dev`, whose refresh runtime
 * needs it). Styles allow 'unsafe-inline' because React's `style` props and Cytoscape's canvas
 * container set inline styles; CSS cannot execute script in current browsers, so the XSS barrier
 * stays the script policy.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** Headers for every response; HSTS only when the request reached us over TLS. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

// Request bodies other than imports are small JSON or forms. POST /api/import is kept out of the
// proxy (which would buffer the whole body): it streams uploads and cuts them off at its own limit
// (lib/ingest/limits.ts), and its guard applies the same CSRF rule.
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
