import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error";
import { parseEvery } from "./connect";

describe("connect --every", () => {
  it("reads minutes, hours and days", () => {
    expect(parseEvery("30m")).toBe(30 * 60_000);
    expect(parseEvery("6h")).toBe(6 * 3_600_000);
    expect(parseEvery("1d")).toBe(86_400_000);
  });

  it("refuses what is not a duration, and anything under five minutes, as usage errors", () => {
    for (const value of ["6", "6 hours", "-1h", "1.5h", "4m"]) {
      expect(() => parseEvery(value)).toThrow(CliError);
      try {
        parseEvery(value);
      } catch (error) {
        expect((error as CliError).exitCode).toBe(2);
      }
    }
  });
});
