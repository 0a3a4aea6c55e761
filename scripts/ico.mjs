/**
 * Packs PNG images into one Windows .ico file. Since Windows Vista an ICO entry may hold a PNG
 * as is, so no bitmap conversion is needed: a 6-byte header, a 16-byte directory entry per image,
 * then the PNG bytes.
 *
 * @param {{ size: number, png: Buffer }[]} images sizes 1..256 (256 is written as 0, per the format)
 * @returns {Buffer}
 */
export function packIco(images) {
  if (images.length === 0) throw new Error('an icon needs at least one image');
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`icon size ${size} is not 1–256`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // width
    entry.writeUInt8(size === 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // palette colours
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}
