import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UsageBanner } from "@/components/layout/usage-banner";

const base = { month: "2026-11", limit: 50_000, projected: 0, percent_used: 0, warning: false, exhausted: false };

describe("UsageBanner", () => {
  it("says nothing below 80%", () => {
    expect(renderToStaticMarkup(<UsageBanner usage={{ ...base, used: 39_999, percent_used: 80 }} />)).toBe("");
  });

  it("warns from 80% with the numbers and the projection", () => {
    const html = renderToStaticMarkup(<UsageBanner usage={{ ...base, used: 41_000, percent_used: 82, projected: 61_500, warning: true }} />);
    expect(html).toContain("82% of this month");
    expect(html).toContain("41,000 of 50,000");
    expect(html).toContain("61,500");
  });

  it("explains in plain words when the allowance is used up", () => {
    const html = renderToStaticMarkup(<UsageBanner usage={{ ...base, used: 50_000, percent_used: 100, warning: true, exhausted: true }} />);
    expect(html).toContain("used up");
    expect(html).toContain("Changes cannot be saved");
  });
});
