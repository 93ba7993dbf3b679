/**
 * Generates the app icons (public/favicon.svg and public/icons/*.png) from one SVG motif: a medical
 * cross at the hub of a small network. Run once after changing the motif: `npx tsx scripts/icons.ts`.
 * Renders with Playwright and Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const THEME = '#0b5c8a';
const ACCENT = '#9fdcff';
const OUT = path.resolve(import.meta.dirname, '../public');

/** The motif on a 512 × 512 canvas, centred on (256, 256); `scale` shrinks it around the centre. */
function motif(scale: number): string {
  const nodes = [
    [120, 120],
    [392, 120],
    [392, 392],
    [120, 392],
  ];
  const links = nodes.map(([x, y]) => `<line x1="256" y1="256" x2="${x}" y2="${y}" />`).join('');
  const dots = nodes.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="34" />`).join('');
  return `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <g stroke="${ACCENT}" stroke-width="18" stroke-linecap="round">${links}</g>
    <g fill="${ACCENT}">${dots}</g>
    <g fill="#ffffff">
      <rect x="200" y="100" width="112" height="312" rx="22" />
      <rect x="100" y="200" width="312" height="112" rx="22" />
    </g>
  </g>`;
}

function svg(background: string, scale: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${motif(scale)}</svg>`;
}

/** Regular icon: rounded square, the motif nearly to the edges. */
const rounded = svg(`<rect width="512" height="512" rx="112" fill="${THEME}" />`, 0.92);
/** Maskable icon: full bleed, the motif inside the central safe circle (80 % of the width). */
const maskable = svg(`<rect width="512" height="512" fill="${THEME}" />`, 0.72);

async function render(browser: Browser, source: string, size: number, file: string) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const markup = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`);
  await writeFile(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  await page.close();
}

async function main() {
  await mkdir(path.join(OUT, 'icons'), { recursive: true });
  await writeFile(path.join(OUT, 'favicon.svg'), `${rounded}\n`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await render(browser, rounded, 192, path.join(OUT, 'icons/icon-192.png'));
    await render(browser, rounded, 512, path.join(OUT, 'icons/icon-512.png'));
    await render(browser, maskable, 512, path.join(OUT, 'icons/maskable-512.png'));
  } finally {
    await browser.close();
  }
}

await main();
