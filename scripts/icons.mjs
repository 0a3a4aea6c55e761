#!/usr/bin/env node
/**
 * Rasterises the icon sources in resources/ into the PNGs the app and the installer use:
 *
 *   tray-focus-{on,off}.png, …@2x.png                 16/32 px, coloured (Windows, Linux)
 *   tray-focus-{on,off}Template.png, …Template@2x.png 16/32 px, black on transparent: macOS template
 *                                                     images, tinted by the menu bar for light and dark
 *   icon.png                                          512 px, the app icon (window, electron-builder)
 *   tray-focus-{on,off}.ico, icon.ico                 Windows icons (16–32 px tray, 16–256 px app), PNGs
 *                                                     packed by scripts/ico.mjs; Windows trays look best
 *                                                     with ICO
 *
 * Run `node scripts/icons.mjs` after editing an SVG and commit the PNGs with it. Tray SVGs draw in
 * `currentColor` and name their colour on the root `color` attribute, which this script swaps for black
 * to make the templates. Needs the dev dependency @resvg/resvg-js (prebuilt, shipped through npm).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packIco } from './ico.mjs';

const RESOURCES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const TEMPLATE_COLOR = '#000000';

/** [source svg, output png, pixel width, colour override] */
const OUTPUTS = [
  ...['focus-on', 'focus-off'].flatMap((state) => [
    [`tray-${state}.svg`, `tray-${state}.png`, 16, null],
    [`tray-${state}.svg`, `tray-${state}@2x.png`, 32, null],
    [`tray-${state}.svg`, `tray-${state}Template.png`, 16, TEMPLATE_COLOR],
    [`tray-${state}.svg`, `tray-${state}Template@2x.png`, 32, TEMPLATE_COLOR],
  ]),
  ['icon.svg', 'icon.png', 512, null],
];

async function loadRenderer() {
  try {
    return (await import('@resvg/resvg-js')).Resvg;
  } catch (error) {
    console.error(`icons: @resvg/resvg-js is not installed (${error.message}); run npm install first.`);
    process.exit(1);
  }
}

const Resvg = await loadRenderer();
for (const [source, output, width, color] of OUTPUTS) {
  let svg = readFileSync(path.join(RESOURCES, source), 'utf8');
  if (color) svg = svg.replace(/(<svg\b[^>]*\scolor=")[^"]*(")/, `$1${color}$2`);
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
  writeFileSync(path.join(RESOURCES, output), png);
  console.log(`icons: resources/${output} (${width} px)`);
}

/** [source svg, output ico, pixel sizes] */
const ICONS = [
  ['tray-focus-on.svg', 'tray-focus-on.ico', [16, 20, 24, 32]],
  ['tray-focus-off.svg', 'tray-focus-off.ico', [16, 20, 24, 32]],
  ['icon.svg', 'icon.ico', [16, 24, 32, 48, 64, 128, 256]],
];
for (const [source, output, sizes] of ICONS) {
  const svg = readFileSync(path.join(RESOURCES, source), 'utf8');
  const images = sizes.map((size) => ({
    size,
    png: new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } })
      .render()
      .asPng(),
  }));
  writeFileSync(path.join(RESOURCES, output), packIco(images));
  console.log(`icons: resources/${output} (${sizes.join(', ')} px)`);
}
