import { describe, expect, it } from "vitest";
import { mergeOidcProfile, verifiedIdTokenClaims } from "./oidc-profile";

describe("the single sign-on profile", () => {
  const idToken = { sub: "u1", email: "ada@acme.test", name: "Ada" };

  it("takes the groups from userinfo when the ID token has none", () => {
    expect(mergeOidcProfile(idToken, { sub: "u1", groups: ["secops"] }, "groups")).toMatchObject({ email: "ada@acme.test", groups: ["secops"] });
  });

  it("unions the groups of both, the ID token's first and without repeats, whatever form each sends", () => {
    const merged = mergeOidcProfile({ ...idToken, groups: ["secops", "eng"] }, { sub: "u1", groups: "eng sec-admins" }, "groups");
    expect(merged.groups).toEqual(["secops", "eng", "sec-admins"]);
  });

  it("keeps the ID token's value of every other claim, userinfo filling only what it leaves out", () => {
    const merged = mergeOidcProfile(idToken, { sub: "u1", email: "other@acme.test", picture: "https://idp.test/ada.png" }, "groups");
    expect(merged).toMatchObject({ email: "ada@acme.test", picture: "https://idp.test/ada.png" });
    expect(merged).not.toHaveProperty("groups");
  });

  it("uses nothing from a userinfo response about another subject", () => {
    expect(mergeOidcProfile(idToken, { sub: "u2", groups: ["sec-admins"] }, "groups")).toEqual(idToken);
    expect(mergeOidcProfile(idToken, { groups: ["sec-admins"] }, "groups")).toEqual(idToken);
  });

  it("reads the configured claim, not only groups", () => {
    expect(mergeOidcProfile(idToken, { sub: "u1", roles: ["grc"] }, "roles").roles).toEqual(["grc"]);
  });

  it("reads a token's payload and answers null for something that is not a JWT", () => {
    const payload = Buffer.from(JSON.stringify({ sub: "u1" })).toString("base64url");
    expect(verifiedIdTokenClaims(`header.${payload}.signature`)).toEqual({ sub: "u1" });
    expect(verifiedIdTokenClaims("not-a-jwt")).toBeNull();
  });
});
