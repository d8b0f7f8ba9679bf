import { crc32, deflateRawSync } from "node:zlib";

// Builds zip archives byte by byte, so a test can make one lie: a declared size smaller than the
// data, a wrong CRC-32, a ZIP64 end record, several central entries over the same local data.

export interface HostileEntry {
  name: string;
  /** the real content; deflated unless `stored` or `deflated` is given */
  content: Uint8Array;
  /** the content already deflated (raw deflate), for streams too large to hold inflated */
  deflated?: Uint8Array;
  stored?: boolean;
  /** the uncompressed size to declare (default: the real one) */
  declaredSize?: number;
  /** the CRC-32 to declare (default: the real one) */
  declaredCrc?: number;
  /** list this entry again in the central directory under these names, over the same local data */
  aliases?: string[];
  /** a ZIP64 extended-information extra field in the central directory */
  zip64Extra?: boolean;
}

export interface HostileZipOptions {
  /**
   * Write a ZIP64 end-of-central-directory record and locator. "marked": the classic end record says
   * so (0xFFFF, 0xFFFFFFFF); "hidden": the classic end record looks ordinary, and only a reader that
   * looks for the locator (fflate does) reads the ZIP64 one.
   */
  zip64End?: "marked" | "hidden";
}

const u16 = (value: number) => Buffer.from([value & 0xff, (value >>> 8) & 0xff]);
const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return buffer;
};
const u64 = (value: number) => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt(value));
  return buffer;
};

export function buildZip(entries: HostileEntry[], options: HostileZipOptions = {}): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.deflated ? Buffer.from(entry.deflated) : entry.stored ? Buffer.from(entry.content) : deflateRawSync(entry.content);
    const method = entry.stored ? 0 : 8;
    const crc = entry.declaredCrc ?? crc32(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const name = Buffer.from(entry.name);
    const header = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(0),
      u16(method),
      u16(0),
      u16(0),
      u32(crc),
      u32(data.length),
      u32(size),
      u16(name.length),
      u16(0),
      name,
    ]);
    const localOffset = offset;
    locals.push(header, data);
    offset += header.length + data.length;
    for (const listed of [entry.name, ...(entry.aliases ?? [])]) {
      const listedName = Buffer.from(listed);
      const extra = entry.zip64Extra ? Buffer.concat([u16(0x0001), u16(16), u64(size), u64(data.length)]) : Buffer.alloc(0);
      central.push(
        Buffer.concat([
          u32(0x02014b50),
          u16(20),
          u16(20),
          u16(0),
          u16(method),
          u16(0),
          u16(0),
          u32(crc),
          u32(entry.zip64Extra ? 0xffffffff : data.length),
          u32(entry.zip64Extra ? 0xffffffff : size),
          u16(listedName.length),
          u16(extra.length),
          u16(0),
          u16(0),
          u16(0),
          u32(0),
          u32(localOffset),
          listedName,
          extra,
        ]),
      );
    }
  }
  const directory = Buffer.concat(central);
  const count = central.length;
  const tail: Buffer[] = [];
  if (options.zip64End) {
    const zip64EndOffset = offset + directory.length;
    tail.push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(directory.length), u64(offset)]));
    tail.push(Buffer.concat([u32(0x07064b50), u32(0), u64(zip64EndOffset), u32(1)]));
    tail.push(
      options.zip64End === "marked"
        ? Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)])
        : Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(directory.length), u32(offset), u16(0)]),
    );
  } else {
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(directory.length), u32(offset), u16(0)]));
  }
  return new Uint8Array(Buffer.concat([...locals, directory, ...tail]));
}
