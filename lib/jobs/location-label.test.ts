import { describe, expect, it } from "vitest";
import { locationLabel } from "@/lib/jobs/location-label";

describe("locationLabel", () => {
  const locations = [{ uuid: "a1", name: "North depot" }];
  it("names a known location, says a missing one with its id, and nothing for none", () => {
    expect(locationLabel("a1", locations)).toBe("North depot");
    expect(locationLabel("zz9", locations)).toBe("Location not found (zz9)");
    expect(locationLabel(null, locations)).toBe("");
    expect(locationLabel("a1", undefined)).toBe("");
  });
});
