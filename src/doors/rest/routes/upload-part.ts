import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { ValidateFunction } from 'ajv';
import type { FastifyRequest } from 'fastify';
import type { DocumentInhoud } from '../../../core/domain/document';
import { FacadeError } from '../../../core/domain/errors';
import { begrensdeInhoud, multipartFout } from '../../../platform/multipart/upload-stream';
import { invalidParamsOf } from '../problem';

/** A multipart upload as it is read: its text fields (checked), and the file part as a stream. */
export interface Upload {
  velden: Record<string, string>;
  inhoud: DocumentInhoud;
  /** why the file stream ended early (the caller's input), told before the SOAP call reports it as its own */
  bronFout(): FacadeError | undefined;
}

/** The text fields that came before the file part, as one object. */
function veldenVan(part: MultipartFile, check: ValidateFunction): Record<string, string> {
  const velden: Record<string, string> = {};
  for (const [naam, waarde] of Object.entries(part.fields)) {
    const w = (Array.isArray(waarde) ? waarde[0] : waarde) as Multipart | undefined;
    if (w?.type === 'field' && naam !== part.fieldname) velden[naam] = String(w.value);
  }
  if (!check(velden)) throw FacadeError.validation('Ongeldige documentgegevens', invalidParamsOf(check.errors ?? []));
  return velden;
}

/** The fields must come before the file part, which is streamed as it arrives (the route's contract). */
export async function leesUpload(request: FastifyRequest, limiet: number, check: ValidateFunction): Promise<Upload> {
  if (!request.isMultipart()) throw FacadeError.validation('Verwacht multipart/form-data');
  const part = await request.file().catch((e: unknown) => {
    throw multipartFout(e);
  });
  if (!part) throw FacadeError.validation('Geen bestand', [{ name: 'inhoud', reason: 'ontbreekt' }]);
  const velden = veldenVan(part, check);
  let fout: FacadeError | undefined;
  const inhoud = {
    bestandsnaam: part.filename,
    contentType: part.mimetype || 'application/octet-stream',
    body: begrensdeInhoud(part.file, limiet, (e) => (fout = e)),
  };
  return { velden, inhoud, bronFout: () => fout };
}
