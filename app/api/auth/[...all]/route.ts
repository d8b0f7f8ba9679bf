// /api/auth/* — better-auth: session, sign-out, OIDC sign-in and callback (password sign-in and
// sign-up endpoints are disabled; see lib/auth/get-auth.ts)
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/get-auth";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => (await getAuth()).handler(request);
export const { GET, POST } = toNextJsHandler(handler);
