import { createHash, randomBytes } from 'node:crypto';

/**
 * Document content of a given size, generated while it is sent (the suite never holds a whole document): one
 * random MiB block repeated. `sha256` of what was generated, to check a download byte for byte.
 */
const BLOCK = randomBytes(1024 * 1024);

export class GeneratedDocument {
  private readonly hash = createHash('sha256');
  private digest: string | undefined;

  constructor(readonly size: number) {}

  async *bytes(): AsyncGenerator<Buffer> {
    for (let sent = 0; sent < this.size; sent += BLOCK.length) {
      const chunk = BLOCK.subarray(0, Math.min(BLOCK.length, this.size - sent));
      this.hash.update(chunk);
      yield chunk;
    }
    this.digest = this.hash.digest('hex');
  }

  get sha256(): string {
    if (!this.digest) throw new Error('the content has not been generated completely');
    return this.digest;
  }
}

/** Hash and size of a byte stream, read as it arrives. */
export async function digestOf(body: AsyncIterable<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const c of body) {
    h.update(c);
    bytes += c.byteLength;
  }
  return { bytes, sha256: h.digest('hex') };
}
