import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FacadeError } from '../../core/domain/errors';
import { begrensdeInhoud, multipartFout } from '../../platform/multipart/upload-stream';
import { Upload } from '../../../schema/scalars/upload.scalar';

export interface MultipartOperaties {
  /** the operations, with an Upload where `map` says */
  body: Record<string, unknown>;
  /** drains what was not read; answers why an upload ended early (the caller's error, e.g. too large) */
  rest: () => Promise<FacadeError | undefined>;
}

/**
 * The GraphQL multipart request spec (https://github.com/jaydenseric/graphql-multipart-request-spec): the
 * fields `operations` (the JSON request, files null) and `map` (file field name -> paths in operations) come
 * first, then the files. The files are not read here: each Upload pulls its part when the resolver reads it,
 * so the file goes on to the SOAP request as it arrives. Files are read in the order they were sent; a file
 * still unread when a later one is asked for is skipped and can no longer be read.
 */
export async function multipartOperaties(request: FastifyRequest, limiet: number): Promise<MultipartOperaties> {
  const delen = request.parts()[Symbol.asyncIterator]();
  const volgende = () => delen.next().catch((e: unknown) => Promise.reject(multipartFout(e)));
  const operations = jsonVeld((await volgende()).value, 'operations');
  const map = jsonVeld((await volgende()).value, 'map');
  if (!isRecord(operations) || !isRecord(map)) throw ongeldig('operations', 'moet een JSON-object zijn (geen batch)');

  let klaar = false;
  let bronFout: FacadeError | undefined;
  let huidig: MultipartFile | undefined;
  const gezien = new Set<string>();
  async function bestand(veld: string): Promise<MultipartFile> {
    if (gezien.has(veld)) throw ongeldig(veld, 'is al voorbij: bestanden worden gelezen in de volgorde van het verzoek');
    for (;;) {
      const { value, done } = await volgende();
      if (done) {
        klaar = true;
        throw ongeldig(veld, 'ontbreekt');
      }
      const deel = value as Multipart;
      if (deel.type !== 'file') continue;
      gezien.add(deel.fieldname);
      if (deel.fieldname === veld) return (huidig = deel);
      deel.file.resume();
    }
  }
  for (const [veld, paden] of Object.entries(map)) {
    if (!Array.isArray(paden)) throw ongeldig('map', 'elk bestand wijst naar een lijst paden');
    const body = (async function* () {
      yield* begrensdeInhoud((await bestand(veld)).file, limiet, (e) => (bronFout = e));
    })();
    for (const pad of paden) zet(operations, String(pad), new Upload(body));
  }
  // what no resolver read is drained, so that the connection can carry the next request
  const rest = async (): Promise<FacadeError | undefined> => {
    huidig?.file.resume();
    while (!klaar) {
      const { value, done } = await volgende();
      klaar = done === true;
      if (!done && (value as Multipart).type === 'file') (value as MultipartFile).file.resume();
    }
    return bronFout;
  };
  return { body: operations, rest };
}

const ongeldig = (name: string, reason: string) => FacadeError.validation('Ongeldig multipart GraphQL-verzoek', [{ name, reason }]);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonVeld(deel: Multipart | undefined, naam: string): unknown {
  if (deel?.type !== 'field' || deel.fieldname !== naam) throw ongeldig(naam, 'moet het eerstvolgende veld zijn');
  try {
    return JSON.parse(String(deel.value));
  } catch {
    throw ongeldig(naam, 'is geen JSON');
  }
}

/** Puts the Upload at an object path such as `variables.document.inhoud` (the spec's dot paths). */
function zet(doel: Record<string, unknown>, pad: string, upload: Upload): void {
  const stappen = pad.split('.');
  if (stappen[0] !== 'variables' || stappen.length < 2) throw ongeldig('map', 'een pad begint met variables.');
  let plek: unknown = doel;
  for (const stap of stappen.slice(0, -1)) {
    plek = isRecord(plek) || Array.isArray(plek) ? (plek as Record<string, unknown>)[stap] : undefined;
  }
  const laatste = stappen.at(-1)!;
  if (!(isRecord(plek) || Array.isArray(plek)) || (plek as Record<string, unknown>)[laatste] !== null) {
    throw ongeldig('map', 'een pad wijst naar een waarde null in operations');
  }
  (plek as Record<string, unknown>)[laatste] = upload;
}
