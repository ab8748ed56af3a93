/**
 * Draws the dashboard's icons from public/icon.svg with the machine's
 * Chromium: the PNGs a home screen and the web app manifest name, and
 * favicon.ico (one 32×32 PNG in an ICO wrapper, which every browser reads).
 * Run once after changing the SVG (`npx tsx scripts/make-icons.ts`) and commit
 * what it writes; the build does not run it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/chromium";

const SIZES = [
  { file: "public/icon-192.png", size: 192, padding: 0 },
  { file: "public/icon-512.png", size: 512, padding: 0 },
  // Maskable: the launcher may crop to a circle, so the mark keeps to the middle 80%.
  { file: "public/icon-maskable-512.png", size: 512, padding: 0.1 },
  // iOS rounds the corners itself and shows no transparency.
  { file: "public/apple-touch-icon.png", size: 180, padding: 0 },
] as const;

/** An ICO file holding one PNG image (allowed since Windows Vista; every current browser reads it). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6); // width
  header.writeUInt8(size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
}

async function main() {
  const svg = await readFile("public/icon.svg", "utf8");
  const browser = await chromium.launch({ executablePath: findChromium()?.executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const draw = async (size: number, padding: number, background: string) => {
      await page.setViewportSize({ width: size, height: size });
      const inset = Math.round(size * padding);
      await page.setContent(
        `<body style="margin:0;background:${background}"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" style="display:block;margin:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px"></body>`,
      );
      return page.screenshot({ omitBackground: background === "transparent" });
    };
    for (const { file, size, padding } of SIZES) {
      const background = file.includes("maskable") || file.includes("apple") ? "#0a4ba0" : "transparent";
      await writeFile(file, await draw(size, padding, background));
    }
    await writeFile("public/favicon.ico", icoOf(await draw(32, 0, "transparent"), 32));
  } finally {
    await browser.close();
  }
}

await main();
