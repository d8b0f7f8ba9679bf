import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Provider from "oidc-provider";

// A real, OpenID Certified provider (panva's oidc-provider) on loopback for the single sign-on
// journeys: discovery, authorization code with PKCE, signed ID tokens with a `groups` claim, and
// its development login form (any password; the login name picks the account below).

export interface OidcUser {
  email: string;
  name: string;
  groups: string[];
  /** Where the provider sends the groups: with the ID token and userinfo (default), or as Okta and Keycloak often do, only from userinfo. */
  groupsIn?: "id_token and userinfo" | "userinfo";
}

export interface RunningOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** "<account>:<id_token|userinfo>:<claim names>" for every set of claims the provider handed out. */
  claimsServed: string[];
  stop(): Promise<void>;
}

export async function startOidcProvider(options: { users: Record<string, OidcUser>; redirectUri: string }): Promise<RunningOidcProvider> {
  const clientId = "blastmap-e2e";
  const clientSecret = randomBytes(24).toString("base64url");
  const server: Server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claimsServed: string[] = [];
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_context, id) {
      const user = options.users[id];
      if (!user) return undefined;
      return {
        accountId: id,
        async claims(use) {
          const withGroups = use === "userinfo" || user.groupsIn !== "userinfo";
          const claims = { sub: id, email: user.email, email_verified: true, name: user.name, ...(withGroups ? { groups: user.groups } : {}) };
          claimsServed.push(`${id}:${use}:${Object.keys(claims).join(",")}`);
          return claims;
        },
      };
    },
    // Many directories send the groups with the profile; putting the scope's claims into the ID
    // token (not only userinfo) is the case the issue reported.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    claimsServed,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface RunningBlastmap {
  origin: string;
  stop(): Promise<void>;
}

const ROOT = process.cwd();

/**
 * A second Blastmap server from the production build the main webServer made, on its own
 * embedded database, configured for single sign-on against `issuer`. Runs `next start` directly
 * (not `blastmap start`, which would rebuild if a source changed since the main build).
 */
export async function startBlastmapWithOidc(options: {
  port: number;
  dataDir: string;
  env: Record<string, string>;
  localAdmin: { email: string; password: string };
}): Promise<RunningBlastmap> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env = {
    ...process.env,
    DATABASE_URL: "",
    BLASTMAP_DATA_DIR: options.dataDir,
    BLASTMAP_DIST_DIR: process.env.BLASTMAP_DIST_DIR ?? ".next",
    BETTER_AUTH_URL: origin,
    PORT: String(options.port),
    ...options.env,
  };
  const cli = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, ["bin/blastmap.mjs", ...args], { cwd: ROOT, env, input, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`blastmap ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  };
  cli(["migrate"]);
  // One local account, so the sign-in page is shown rather than first-run setup.
  cli(["user", "create", "--email", options.localAdmin.email, "--role", "admin", "--password-stdin"], options.localAdmin.password);
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(options.port)],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the OIDC-configured Blastmap exited: ${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the OIDC-configured Blastmap did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await once(server, "exit");
    },
  };
}
