import { randomUUID } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Document content lives in files, never in the database and never whole in memory: it is written while the
 * request is parsed to `tmp/`, fsynced, and renamed into `inhoud/` only when the
 * message was valid. The row that references it is written after the rename, in the same transaction as the
 * rest of the mutation, so a crash leaves at most an unreferenced file, which `sweep` removes at start-up.
 */
export class ContentFiles {
  readonly tmpDir: string;
  readonly contentDir: string;

  constructor(dataDir: string) {
    this.tmpDir = path.join(dataDir, 'tmp');
    this.contentDir = path.join(dataDir, 'inhoud');
    mkdirSync(this.tmpDir, { recursive: true });
    mkdirSync(this.contentDir, { recursive: true });
  }

  /** Removes leftovers of interrupted writes: every temp file, and content files no row references. */
  sweep(referenced: ReadonlySet<string>): void {
    for (const f of readdirSync(this.tmpDir)) rmSync(path.join(this.tmpDir, f), { force: true });
    for (const f of readdirSync(this.contentDir)) if (!referenced.has(f)) rmSync(path.join(this.contentDir, f), { force: true });
  }

  begin(): PendingContent {
    return new PendingContent(this, path.join(this.tmpDir, `${randomUUID()}.part`));
  }

  /** fsyncs the file's directory so the rename itself is durable */
  publish(pending: PendingContent): string {
    const name = randomUUID();
    renameSync(pending.tmpPath, path.join(this.contentDir, name));
    syncDir(this.contentDir);
    return name;
  }

  remove(name: string): void {
    rmSync(path.join(this.contentDir, name), { force: true });
  }

  read(name: string): AsyncIterable<Uint8Array> {
    return createReadStream(path.join(this.contentDir, name), { highWaterMark: 256 * 1024 });
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One content file being written. Synchronous writes keep the chunks in order. */
export class PendingContent {
  private fd: number | undefined;
  size = 0;

  constructor(
    private readonly files: ContentFiles,
    readonly tmpPath: string,
  ) {
    this.fd = openSync(tmpPath, 'wx');
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error('content file already closed');
    let off = 0;
    while (off < bytes.byteLength) off += writeSync(this.fd, bytes, off);
    this.size += bytes.byteLength;
  }

  async writeAll(src: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const chunk of src) this.writeBytes(chunk);
  }

  /** fsync + close; then `publish` it, or `discard` */
  finish(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }

  publish(): string {
    this.finish();
    return this.files.publish(this);
  }

  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmpPath, { force: true });
  }
}
