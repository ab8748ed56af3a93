import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UnreadableRecordsNotice } from "@/components/data-table/unreadable-records-notice";

const A = "22222222-2222-4222-8222-222222222222";
const B = "33333333-3333-4333-8333-333333333333";

describe("UnreadableRecordsNotice", () => {
  it("says nothing when every record of the page was read", () => {
    expect(renderToStaticMarkup(<UnreadableRecordsNotice records={undefined} noun="customer" hrefFor={(uuid) => `/customers/${uuid}`} />)).toBe("");
    expect(renderToStaticMarkup(<UnreadableRecordsNotice records={[]} noun="job" hrefFor={(uuid) => `/jobs/${uuid}`} />)).toBe("");
  });

  it("names each record it could not read by its uuid, with a link to open it", () => {
    const html = renderToStaticMarkup(<UnreadableRecordsNotice records={[{ uuid: A }]} noun="customer" hrefFor={(uuid) => `/customers/${uuid}`} />);
    expect(html).toContain('aria-label="Customers that could not be read"');
    expect(html).toContain("1 customer on this page could not be read");
    expect(html).toContain(A);
    expect(html).toContain(`href="/customers/${A}"`);
    expect(html).toContain("Open this customer");
  });

  it("counts several, and says so for one without a uuid instead of linking nowhere", () => {
    const html = renderToStaticMarkup(
      <UnreadableRecordsNotice records={[{ uuid: A }, { uuid: B }, { uuid: null }]} noun="job" hrefFor={(uuid) => `/jobs/${uuid}`} />,
    );
    expect(html).toContain("3 jobs on this page could not be read");
    expect(html).toContain(`href="/jobs/${A}"`);
    expect(html).toContain(`href="/jobs/${B}"`);
    expect(html).toContain("A job without a uuid, which cannot be opened here");
    expect(html.match(/<a /g)).toHaveLength(2);
  });
});
