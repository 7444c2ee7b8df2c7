import type { Multipart, MultipartFile } from '@fastify/multipart';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Readable } from 'node:stream';
import { FacadeError } from '../../../core/domain/errors';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';
import { contentDisposition } from '../content-disposition';
import type { RestRouteOptions } from '../rest-options';
import { facadeErrorOf, invalidParamsOf } from '../problem';
import { documentInhoudPad, documentRepresentatie } from '../representation';
import { Identificatie, IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { Document } from '../schemas/zaak.schema';
import { compileFieldsValidator } from '../validator';
import { type IdParams as Id, lijstRoute, useCasesOf } from './route-support';

/** The metadata fields of an upload; they must come before the file part, which is streamed as it arrives. */
const DocumentVelden = Type.Object(
  {
    titel: Type.String({ minLength: 1, maxLength: L.documentTitel }),
    documenttype: Type.String({ minLength: 1, maxLength: L.omschrijving }),
    auteur: Type.String({ minLength: 1, maxLength: L.geslachtsnaam }),
    taal: Type.Optional(Type.String({ description: 'ISO 639-2/B, standaard nld' })),
    beschrijving: Type.Optional(Type.String({ maxLength: L.toelichting })),
    vertrouwelijkAanduiding: Type.Optional(Type.String()),
    creatiedatum: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD, standaard vandaag' })),
  },
  { additionalProperties: false },
);
const DocumentUpload = Type.Object(
  {
    ...DocumentVelden.properties,
    inhoud: Type.String({ contentMediaType: 'application/octet-stream', description: 'Het bestand, als laatste deel' }),
  },
  { required: [...(DocumentVelden.required ?? []), 'inhoud'], additionalProperties: false },
);
const checkVelden = compileFieldsValidator(DocumentVelden);

/** The text fields that came before the file part, as one object. */
function veldenVan(part: MultipartFile): Record<string, string> {
  const velden: Record<string, string> = {};
  for (const [naam, waarde] of Object.entries(part.fields)) {
    const w = (Array.isArray(waarde) ? waarde[0] : waarde) as Multipart | undefined;
    if (w?.type === 'field' && naam !== part.fieldname) velden[naam] = String(w.value);
  }
  if (!checkVelden(velden)) {
    throw FacadeError.validation('Ongeldige documentgegevens', invalidParamsOf(checkVelden.errors ?? []));
  }
  return velden;
}

/**
 * Busboy reports a body it cannot read (no boundary, a malformed part header, data that ends early) as a
 * plain Error: the caller's input, not a fault of ours (RFC 7578 §4.1: the boundary is required).
 */
const misvormd = (e: unknown): FacadeError =>
  e instanceof FacadeError || (e as { statusCode?: number } | undefined)?.statusCode !== undefined
    ? facadeErrorOf(e)
    : FacadeError.validation('Het multipart-bericht kon niet gelezen worden', [{ name: 'body', reason: 'is geen leesbaar multipart/form-data' }]);

/**
 * The file part as the use case's DocumentInhoud body: chunks pass through as they arrive, so the REST side
 * never holds the document. Busboy cuts the part one byte past the limit; seeing that byte means too large.
 * Why the body ended is told to `bronFout`: the SOAP transport reports the aborted upload as its own failure.
 */
async function* begrensd(bron: AsyncIterable<Buffer>, limiet: number, bronFout: (e: FacadeError) => void): AsyncGenerator<Uint8Array> {
  const fout = (e: FacadeError): never => {
    bronFout(e);
    throw e;
  };
  let totaal = 0;
  const chunks = bron[Symbol.asyncIterator]();
  for (;;) {
    const volgende = await chunks.next().catch((e: unknown) => fout(misvormd(e)));
    if (volgende.done) return;
    totaal += volgende.value.byteLength;
    if (totaal > limiet) fout(new FacadeError('TOO_LARGE', `Het document is groter dan ${limiet} bytes`));
    yield volgende.value;
  }
}

export const documentenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['documenten'];

  lijstRoute(app, deps, {
    url: '/zaken/:identificatie/documenten',
    tags,
    operationId: 'listDocumenten',
    summary: 'Documenten van een zaak (alleen metadata)',
    item: Type.Ref(Document),
    lees: (uc, id) => uc.documenten(id),
    representatie: documentRepresentatie,
  });

  app.post<Id>(
    '/zaken/:identificatie/documenten',
    {
      schema: {
        tags,
        operationId: 'voegDocumentToe',
        summary: 'Document toevoegen (multipart, gestreamd)',
        description:
          'multipart/form-data met eerst de tekstvelden en als laatste deel het bestand `inhoud`. ' +
          'Het bestand wordt doorgestreamd naar het zaaksysteem (voegZaakdocumentToe).',
        params: IdentificatieParams,
        consumes: ['multipart/form-data'],
        body: { content: { 'multipart/form-data': { schema: DocumentUpload } } },
        response: { 201: { description: 'Het document zoals de DMS het nu noemt', ...Type.Ref(Document) }, ...probleemAntwoorden(404, 413) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw FacadeError.validation('Verwacht multipart/form-data');
      const part = await request.file().catch((e: unknown) => {
        throw misvormd(e);
      });
      if (!part) throw FacadeError.validation('Geen bestand', [{ name: 'inhoud', reason: 'ontbreekt' }]);
      const velden = veldenVan(part);
      let bronFout: FacadeError | undefined;
      const inhoud = {
        bestandsnaam: part.filename,
        contentType: part.mimetype || 'application/octet-stream',
        body: begrensd(part.file, deps.limits.documentBytes, (e) => (bronFout = e)),
      };
      try {
        const doc = await useCasesOf(deps, request).voegDocumentToe(request.params.identificatie, {
          ...(velden as unknown as Static<typeof DocumentVelden>),
          inhoud,
        });
        reply.header('location', documentInhoudPad(doc.identificatie));
        return reply.status(201).send(documentRepresentatie(doc));
      } catch (e) {
        throw bronFout ?? e;
      }
    },
  );

  app.get<{ Params: { document: string } }>(
    '/documenten/:document/inhoud',
    {
      schema: {
        tags,
        operationId: 'downloadDocument',
        summary: 'Inhoud van een document downloaden (gestreamd)',
        params: Type.Object({ document: Identificatie }, { additionalProperties: false }),
        response: {
          200: {
            description: 'De inhoud, met het Content-Type van het document en Content-Disposition (RFC 6266)',
            content: { 'application/octet-stream': { schema: Type.String({ contentMediaType: 'application/octet-stream' }) } },
          },
          ...probleemAntwoorden(404),
        },
      },
    },
    async (request, reply) => {
      const { inhoud } = await useCasesOf(deps, request).documentInhoud(request.params.document);
      reply
        .header('content-type', inhoud.contentType || 'application/octet-stream')
        .header('content-disposition', contentDisposition(inhoud.bestandsnaam))
        .header('x-content-type-options', 'nosniff');
      if (inhoud.grootte !== undefined) reply.header('content-length', inhoud.grootte);
      return reply.send(Readable.from(inhoud.body, { objectMode: false }));
    },
  );
};
