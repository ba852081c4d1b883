import { gzipSync } from 'node:zlib';

function header(name: string, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(512, 0);
  const put = (text: string, offset: number, length: number) =>
    block.write(text.slice(0, length), offset, 'ascii');
  const octal = (value: number, length: number) =>
    `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(name, 0, 100);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.UTC(2026, 0, 1) / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

/** A gzipped ustar archive with every file below `prefix/`, as GitHub serves a tarball. */
export function tarGz(prefix: string, files: Record<string, string>): Buffer {
  const parts: Buffer[] = [header(`${prefix}/`, 0, '5')];
  for (const [path, text] of Object.entries(files)) {
    const content = Buffer.from(text, 'utf8');
    parts.push(
      header(`${prefix}/${path}`, content.length, '0'),
      content,
      Buffer.alloc((512 - (content.length % 512)) % 512, 0),
    );
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts));
}
