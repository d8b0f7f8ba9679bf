import { describe, expect, it } from "vitest";
import { isCurrentNavItem, NAV_ITEMS } from "./nav-items";

const current = (pathname: string) => NAV_ITEMS.filter((item) => isCurrentNavItem(item, pathname)).map((item) => item.label);

describe("isCurrentNavItem", () => {
  it("marks the overview current only on the overview itself", () => {
    expect(current("/")).toEqual(["Overview"]);
    expect(current("/findings")).toEqual(["Findings"]);
  });

  it("marks Inventory current on every inventory kind, though its link opens identities", () => {
    expect(current("/inventory/secrets")).toEqual(["Inventory"]);
  });

  it("marks a list current on its detail pages but not on a page whose name merely starts the same", () => {
    expect(current("/incidents/12")).toEqual(["Incidents"]);
    expect(current("/incidents-archive")).toEqual([]);
  });

  it("marks nothing on a page outside the navigation", () => {
    expect(current("/nodes/7")).toEqual([]);
  });
});
