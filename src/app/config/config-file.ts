import { readFileSync } from 'node:fs';
import { FacadeError } from '../../core/domain/errors';

/** The file's content; the reason it cannot be read in Dutch, with where the JSON breaks off (not Node's text). */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FacadeError('CONFIG_INVALID', `STUF_FACADE_CONFIG=${file}: het bestand is niet te lezen (${(e as { code?: string }).code ?? 'onbekende fout'})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new FacadeError('CONFIG_INVALID', `STUF_FACADE_CONFIG=${file}: geen geldige JSON${at === undefined ? '' : ` (bij teken ${at})`}`);
  }
}
