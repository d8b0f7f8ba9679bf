import { expect } from "@playwright/test";

/** A real PNG: the 8-byte signature, then an IHDR chunk with a picture of some size. */
export function expectPng(bytes: Buffer): void {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(100); // width
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(100); // height
}
