import { describe, expect, it } from "vitest";
import { AuthConfigError, authConfigFromEnv, parseRoleMap, roleFromClaims } from "./auth-config";

const oidc = { roleClaim: "groups", roleMap: { "sec-admins": "admin", "sec-team": "responder", grc: "auditor" } as const, defaultRole: null };

describe("auth configuration", () => {
  it("defaults to localhost on the configured port, trusting both localhost spellings", () => {
    const config = authConfigFromEnv({ PORT: "3100" });
    expect(config.baseURL).toBe("http://localhost:3100");
    expect(config.trustedOrigins).toEqual(["http://localhost:3100", "http://127.0.0.1:3100"]);
    expect(config.secureCookies).toBe(false);
    expect(config.oidc).toBeNull();
  });

  it("uses secure cookies and only the public origin when BETTER_AUTH_URL is https", () => {
    const config = authConfigFromEnv({ BETTER_AUTH_URL: "https://blastmap.example.test/" });
    expect(config).toMatchObject({ baseURL: "https://blastmap.example.test", trustedOrigins: ["https://blastmap.example.test"], secureCookies: true });
  });

  it("requires the client id and secret when an OIDC issuer is set", () => {
    expect(() => authConfigFromEnv({ BLASTMAP_OIDC_ISSUER: "https://idp.example.test" })).toThrow(AuthConfigError);
    const config = authConfigFromEnv({
      BLASTMAP_OIDC_ISSUER: "https://idp.example.test/realms/acme/",
      BLASTMAP_OIDC_CLIENT_ID: "blastmap",
      BLASTMAP_OIDC_CLIENT_SECRET: "s3cret-value",
      BLASTMAP_OIDC_ROLE_MAP: "sec-admins=admin",
    });
    expect(config.oidc).toMatchObject({
      issuer: "https://idp.example.test/realms/acme",
      roleClaim: "groups",
      roleMap: { "sec-admins": "admin" },
      defaultRole: null,
    });
  });

  it("rejects a role map naming an unknown role, saying which entry", () => {
    expect(() => parseRoleMap("ops=superuser")).toThrow(/"ops=superuser".*role must be one of/);
    expect(() => parseRoleMap("=admin")).toThrow(/claimValue=role/);
  });

  it("maps group claims to the most powerful matching role", () => {
    expect(roleFromClaims({ groups: ["grc", "sec-team"] }, oidc)).toBe("responder");
    expect(roleFromClaims({ groups: ["sec-admins", "grc"] }, oidc)).toBe("admin");
    expect(roleFromClaims({ groups: "grc other" }, oidc)).toBe("auditor");
  });

  it("refuses an account whose claims map to no role unless a default role is configured", () => {
    expect(roleFromClaims({ groups: ["marketing"] }, oidc)).toBeNull();
    expect(roleFromClaims({}, oidc)).toBeNull();
    expect(roleFromClaims({ groups: ["marketing"] }, { ...oidc, defaultRole: "viewer" })).toBe("viewer");
  });
});
