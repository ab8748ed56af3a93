import { expect, type Locator, type Page } from "@playwright/test";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A board column, by its heading: "New 3 jobs", or "New (3 jobs)" when collapsed. */
export function boardColumn(page: Page, status: string): Locator {
  return page.getByRole("region", { name: new RegExp(`^${escape(status)} \\(?[\\d,…]+ jobs?\\)?$`) });
}

export function boardCard(page: Page, status: string, label: string): Locator {
  return boardColumn(page, status).getByRole("article", { name: label });
}

/** The count a column shows in its heading. */
export async function columnCount(page: Page, status: string): Promise<number> {
  const name = await boardColumn(page, status).getByRole("heading", { level: 2 }).textContent();
  const digits = /([\d,]+)\s*jobs?/.exec(name ?? "")?.[1];
  if (!digits) throw new Error(`no count in the ${status} column heading: ${name}`);
  return Number(digits.replaceAll(",", ""));
}

/** Drags a card onto another column with the mouse, in small steps as a hand would. */
export async function dragWithMouse(page: Page, card: Locator, target: Locator): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("card or column not on screen");
  // Grab the card by its top edge (its job number), away from the link and buttons.
  const start = { x: from.x + from.width / 2, y: from.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
  await expect(target).toHaveClass(/border-brand-600/);
  await page.mouse.up();
}

/**
 * A finger's drag, sent as raw touch events through the DevTools protocol (as
 * a phone or tablet sends them): press and hold past the board's 250 ms touch
 * delay, then slide to the target column and lift.
 */
export async function dragWithTouch(page: Page, card: Locator, target: Locator): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("card or column not on screen");
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }] });
  const start = { x: from.x + from.width / 2, y: from.y + 12 };
  const end = { x: to.x + to.width / 2, y: to.y + 80 };
  await touch("touchStart", start.x, start.y);
  await page.waitForTimeout(400);
  for (let step = 1; step <= 20; step += 1) {
    await touch("touchMove", start.x + ((end.x - start.x) * step) / 20, start.y + ((end.y - start.y) * step) / 20);
  }
  await expect(target).toHaveClass(/border-brand-600/);
  await touch("touchEnd", end.x, end.y);
  await cdp.detach();
}
