export function packIco(images: { size: number; png: Buffer }[]): Buffer;
