import { describe, expect, it } from "vitest";
import { RISK_FLAGS } from "@/lib/schemas/inventory-query";
import { ZIdentityKind, ZLifetime, ZRunnerHosting, ZSecretStore, ZSystemKind } from "@/lib/schemas/graph-facts";
import { attributeLabel, valueLabel } from "./value-labels";

describe("labels for stored values", () => {
  it("reads enum values as words", () => {
    expect(valueLabel("shortLived")).toBe("short-lived");
    expect(valueLabel("ciServiceAccount")).toBe("CI service account");
    expect(valueLabel("notRotated90")).toBe("not rotated for 90 days");
  });

  it("has words for every camelCase value the schemas enumerate", () => {
    const values = [ZIdentityKind, ZLifetime, ZSecretStore, ZRunnerHosting, ZSystemKind].flatMap((schema) => schema.options as readonly string[]);
    const camelCase = [...values, ...RISK_FLAGS].filter((value) => /[a-z][A-Z]|\d$/.test(value));
    expect(camelCase.length).toBeGreaterThan(10);
    for (const value of camelCase) expect(valueLabel(value), value).not.toBe(value);
  });

  it("leaves values it does not know as they are", () => {
    expect(valueLabel("acme/web")).toBe("acme/web");
  });

  it("turns attribute names into sentence-case labels", () => {
    expect(attributeLabel("hasInstallScript")).toBe("Has install script");
    expect(attributeLabel("advisoryIds")).toBe("Advisory IDs");
    expect(attributeLabel("lastOwnershipChangeAt")).toBe("Last ownership change at");
    expect(attributeLabel("twoFactorEnforced")).toBe("Two-factor authentication enforced");
    expect(attributeLabel("runnerLabels")).toBe("Runner labels");
  });
});
