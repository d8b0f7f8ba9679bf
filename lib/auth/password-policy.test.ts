import { describe, expect, it } from "vitest";
import { ZCreateUserInput } from "@/lib/schemas/user";
import { generatePassword } from "./generate-password";
import { passwordProblem } from "./password-policy";

describe("the password policy for local accounts", () => {
  it("refuses passwords shorter than 12 characters", () => {
    expect(passwordProblem("Sh0rt&sweet")).toBe("password must be at least 12 characters");
  });

  it("refuses one character or a short pattern repeated", () => {
    for (const password of ["aaaaaaaaaaaa", "abcabcabcabc", "Ab1!Ab1!Ab1!", "121212121212"]) {
      expect(passwordProblem(password)).toMatch(/repeated/);
    }
  });

  it("refuses runs of keys or digits", () => {
    for (const password of ["123456789012", "abcdefghijklm", "QWERTYUIOPAS"]) expect(passwordProblem(password)).toMatch(/run of keys/);
  });

  it("refuses a common password dressed up with digits and symbols", () => {
    for (const password of ["Password1234!", "iloveyou2024!!", "qwertyuiop123", "2024Blastmap!!"]) expect(passwordProblem(password)).toMatch(/too common/);
  });

  it("accepts a long phrase of one's own and every generated password", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("matrix-test-password-long")).toBeNull();
    for (let i = 0; i < 200; i++) expect(passwordProblem(generatePassword())).toBeNull();
  });

  it("is what account creation checks, with the reason as the message", () => {
    const parsed = ZCreateUserInput.safeParse({ email: "new@example.test", role: "viewer", password: "Password1234!" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([expect.stringContaining("too common")]);
  });
});
