import { NextResponse, type NextRequest } from "next/server";
import { authConfigFromEnv } from "@/lib/auth/auth-config";
import { bodyExceeds } from "@/lib/http/body-exceeds";
import { isCrossSiteRequest, requestOrigin, STATE_CHANGING_METHODS } from "@/lib/auth/same-origin";
import { contentSecurityPolicy, DEFAULT_BODY_LIMIT_BYTES, securityHeaders } from "@/lib/security/security-headers";

// Runs before every request: security headers with a fresh CSP nonce, request size limits, and
// refusal of cross-site state changes carried by cookies (CSRF) — for every route, including the
// ones added later, so no handler can forget them.
export async function proxy(request: NextRequest) {
  const https = (request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const headers = securityHeaders({ https });
  const refuse = (status: number, error: string) => {
    const response = NextResponse.json({ error }, { status });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (STATE_CHANGING_METHODS.has(request.method)) {
    const length = request.headers.get("content-length");
    // A chunked body announces no length: count it (see lib/http/body-exceeds.ts).
    const tooLarge = length === null ? await bodyExceeds(request.body, DEFAULT_BODY_LIMIT_BYTES) : Number(length) > DEFAULT_BODY_LIMIT_BYTES;
    if (tooLarge) return refuse(413, `request body too large (limit ${DEFAULT_BODY_LIMIT_BYTES} bytes)`);
    // A bearer-token request carries no ambient credential, so it cannot be forged cross-site.
    const bearer = /^Bearer\s/i.test(request.headers.get("authorization") ?? "");
    const own = [...authConfigFromEnv().trustedOrigins, requestOrigin(request.headers, request.url)];
    if (!bearer && isCrossSiteRequest(request.headers, own)) return refuse(403, "cross-site request refused");
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-blastmap-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Not /api/import: see DEFAULT_BODY_LIMIT_BYTES. It gets the static headers from next.config.js.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/import).*)" }],
};
