import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packIco } from '../../scripts/ico.mjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads an ICO's directory: what Windows reads to pick the image for a display scale. */
function readIco(file: Buffer) {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const size = file.readUInt8(at) || 256;
    const length = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    return { size, bits: file.readUInt16LE(at + 6), png: file.subarray(offset, offset + length) };
  });
}

describe('Windows icons', () => {
  it('packs PNGs with a directory that points at each one, 256 written as 0', () => {
    const a = Buffer.concat([PNG_SIGNATURE, Buffer.from('small')]);
    const b = Buffer.concat([PNG_SIGNATURE, Buffer.from('large image')]);
    const entries = readIco(
      packIco([
        { size: 16, png: a },
        { size: 256, png: b },
      ]),
    );
    expect(entries.map((e) => [e.size, e.bits])).toEqual([
      [16, 32],
      [256, 32],
    ]);
    expect(entries[0]?.png.equals(a)).toBe(true);
    expect(entries[1]?.png.equals(b)).toBe(true);
    expect(() => packIco([])).toThrow(/at least one/);
    expect(() => packIco([{ size: 300, png: a }])).toThrow(/1–256/);
  });

  it.each([
    ['tray-focus-on.ico', [16, 20, 24, 32]],
    ['tray-focus-off.ico', [16, 20, 24, 32]],
    ['icon.ico', [16, 24, 32, 48, 64, 128, 256]],
  ])('resources/%s holds PNG images at %j px', (name, sizes) => {
    const entries = readIco(readFileSync(path.resolve(__dirname, '../../resources', name)));
    expect(entries.map((e) => e.size)).toEqual(sizes);
    for (const entry of entries) {
      expect(entry.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // The PNG's own IHDR width matches the directory's claim.
      expect(entry.png.readUInt32BE(16)).toBe(entry.size);
    }
  });
});
