import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentInhoud } from '../../core/domain/document';

/** Content on disk under its SHA-256, with what a resumed step needs to send it again. */
export interface GespooldeInhoud extends DocumentInhoud {
  readonly sha256: string;
  readonly grootte: number;
}

const SHA = /^[0-9a-f]{64}$/;

/**
 * Document content written to disk before the first SOAP call of its mutation (issue 12 §3), so that a step resumed
 * after a crash can send it again byte for byte. A file is named by its SHA-256 (the same content twice is one
 * file), written to a temporary name, fsynced, renamed and its directory fsynced: after `bewaar` resolves the file
 * survives a power cut, and a half-written one never carries a content name. Its `body` opens the file anew each
 * time it is read, so a step that is sent again reads it from the start.
 */
export class Spool {
  private constructor(private readonly map: string) {}

  private gemaakt?: Promise<unknown>;

  /** The directory is made when the first content comes, so a facade that never spools leaves none behind. */
  static async open(map: string): Promise<Spool> {
    return new Spool(map);
  }

  private pad(sha256: string): string {
    if (!SHA.test(sha256)) throw new RangeError('geen SHA-256');
    return path.join(this.map, sha256);
  }

  /** Reads `inhoud` to its end (its own errors, such as a size limit, come through unchanged) and keeps it. */
  async bewaar(inhoud: DocumentInhoud): Promise<GespooldeInhoud> {
    await (this.gemaakt ??= mkdir(this.map, { recursive: true }));
    const tijdelijk = path.join(this.map, `.${randomUUID()}`);
    const hash = createHash('sha256');
    let grootte = 0;
    const bestand = await open(tijdelijk, 'wx');
    try {
      for await (const deel of inhoud.body) {
        hash.update(deel);
        grootte += deel.byteLength;
        await bestand.write(deel);
      }
      await bestand.sync();
    } catch (e) {
      await bestand.close();
      await unlink(tijdelijk).catch(() => undefined);
      throw e;
    }
    await bestand.close();
    const sha256 = hash.digest('hex');
    await rename(tijdelijk, this.pad(sha256));
    await this.syncMap();
    return this.inhoud(sha256, inhoud.bestandsnaam, inhoud.contentType, grootte);
  }

  /** The content kept under `sha256`, as a DocumentInhoud that can be read again and again. */
  inhoud(sha256: string, bestandsnaam: string, contentType: string, grootte: number): GespooldeInhoud {
    const pad = this.pad(sha256);
    return { sha256, bestandsnaam, contentType, grootte, body: { [Symbol.asyncIterator]: () => createReadStream(pad)[Symbol.asyncIterator]() } };
  }

  async bestaat(sha256: string): Promise<boolean> {
    return stat(this.pad(sha256)).then(() => true, () => false);
  }

  /**
   * Removes the files `nodig` does not name and that are older than `ouderDanMs` (a file just written belongs to an
   * entry about to be begun), and temporary files left by a crash. Answers how many went.
   */
  async ruimOp(nodig: (sha256: string) => Promise<boolean>, ouderDanMs: number, nu = Date.now()): Promise<number> {
    let weg = 0;
    for (const naam of await readdir(this.map).catch(() => [] as string[])) {
      const pad = path.join(this.map, naam);
      const info = await stat(pad).catch(() => undefined);
      if (!info || nu - info.mtimeMs < ouderDanMs) continue;
      if (SHA.test(naam) && (await nodig(naam))) continue;
      if (!SHA.test(naam) && !naam.startsWith('.')) continue;
      await unlink(pad).catch(() => undefined);
      weg++;
    }
    return weg;
  }

  private async syncMap(): Promise<void> {
    const map = await open(this.map, 'r');
    try {
      await map.sync();
    } finally {
      await map.close();
    }
  }
}
