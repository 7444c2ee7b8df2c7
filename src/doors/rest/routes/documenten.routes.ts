import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import type { GelezenDocument } from '../../../core/domain/document';
import { FacadeError } from '../../../core/domain/errors';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';
import { requestContext } from '../../../platform/request-pipeline/request-pipeline.plugin';
import { contentDisposition } from '../content-disposition';
import type { RestRouteOptions } from '../rest-options';
import { documentInhoudPad, documentRepresentatie } from '../representation';
import { DocumentIdentificatie, IdentificatieParams, probleemAntwoorden } from '../schemas/common.schema';
import { Document } from '../schemas/zaak.schema';
import { compileFieldsValidator } from '../validator';
import { type IdParams as Id, lijstRoute, useCasesOf } from './route-support';
import { leesUpload } from './upload-part';

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

const INHOUD_ANTWOORD = {
  description: 'De inhoud, met het Content-Type van het document en Content-Disposition (RFC 6266)',
  // the document's own media type (text/plain, application/pdf, ...): any, as the zaaksysteem stored it
  content: { '*/*': { schema: Type.String({ contentMediaType: 'application/octet-stream' }) } },
};

/** The content streams from the SOAP answer to the caller as it is decoded (README "Large documents"). */
function sendInhoud(reply: FastifyReply, { inhoud }: GelezenDocument): FastifyReply {
  reply
    .header('content-type', inhoud.contentType || 'application/octet-stream')
    .header('content-disposition', contentDisposition(inhoud.bestandsnaam))
    .header('x-content-type-options', 'nosniff');
  if (inhoud.grootte !== undefined) reply.header('content-length', inhoud.grootte);
  return reply.send(Readable.from(inhoud.body, { objectMode: false }));
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
      const { velden, inhoud, bronFout } = await leesUpload(request, deps.limits.documentBytes, checkVelden);
      try {
        const doc = await useCasesOf(deps, request).voegDocumentToe(request.params.identificatie, {
          ...(velden as unknown as Static<typeof DocumentVelden>),
          inhoud,
        });
        reply.header('location', documentInhoudPad(doc.identificatie));
        return reply.status(201).send(documentRepresentatie(doc));
      } catch (e) {
        throw bronFout() ?? e;
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
        params: Type.Object({ document: DocumentIdentificatie }, { additionalProperties: false }),
        response: { 200: INHOUD_ANTWOORD, ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => sendInhoud(reply, await useCasesOf(deps, request).documentInhoud(request.params.document)),
  );

  app.get<{ Params: { token: string } }>(
    '/downloads/:token',
    {
      schema: {
        tags,
        operationId: 'downloadMetToken',
        summary: 'Inhoud downloaden met de downloadUrl uit een GraphQL-antwoord (eenmalig, kort geldig)',
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, { additionalProperties: false }),
        response: { 200: INHOUD_ANTWOORD, ...probleemAntwoorden(404) },
      },
    },
    async (request, reply) => {
      // unknown, used, expired and another caller's tokens are all simply not there (no oracle)
      const document = deps.downloads.wisselIn(requestContext(request), request.params.token);
      if (document === undefined) throw FacadeError.notFound('Deze download bestaat niet (meer)');
      return sendInhoud(reply, await useCasesOf(deps, request).documentInhoud(document));
    },
  );
};
