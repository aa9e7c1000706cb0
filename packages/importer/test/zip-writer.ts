/** Writes zip files by hand for the corpus scripts, so that sizes can lie and parts can be broken on purpose. */
import { crc32, deflateRawSync } from 'node:zlib';

/** A little-endian record of `size` bytes with these fields (offset, width in bytes, value); the rest zero. */
function record(size: number, fields: [at: number, width: 2 | 4, value: number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A zip with the given entries, written by hand so that the declared sizes can lie. */
export function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    // Local file header, then the central directory's entry: version 2.0, deflate, the same CRC and sizes.
    // Both headers hold the CRC, the two sizes and the name's length in a row, from `at`.
    const sizes = (at: number): [number, 2 | 4, number][] => [
      [at, 4, crc],
      [at + 4, 4, packed.length],
      [at + 8, 4, size],
      [at + 12, 2, name.length],
    ];
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], ...sizes(14)]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], ...sizes(16), [42, 4, offset]]);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, cd.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, cd, end]);
}
