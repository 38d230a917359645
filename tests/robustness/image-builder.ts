// Builds damaged images from bytes, so the tests show what each case is and the repository carries no large files.

/**
 * An 8-bit greyscale BMP (BITMAPINFOHEADER, 256-entry palette) declaring `width`×`height` pixels but holding only
 * `dataBytes` bytes of pixel data (a truncated file, or a header that lies).
 */
export function bmp8(width: number, height: number, dataBytes: number): Buffer {
  const palette = 256 * 4;
  const offset = 14 + 40 + palette;
  const rowBytes = Math.floor((8 * width + 31) / 32) * 4;
  const b = Buffer.alloc(offset + dataBytes, 0xff);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(offset + rowBytes * height, 2);
  b.writeUInt32LE(offset, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(8, 28);
  b.writeUInt32LE(0, 30);
  b.writeUInt32LE(rowBytes * height, 34);
  b.writeInt32LE(11811, 38); // 300 dpi
  b.writeInt32LE(11811, 42);
  b.writeUInt32LE(256, 46);
  for (let i = 0; i < 256; i++) b.writeUInt32LE(i * 0x010101, 54 + i * 4);
  return b;
}
