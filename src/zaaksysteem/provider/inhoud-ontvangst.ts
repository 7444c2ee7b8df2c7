import { InhoudStroom } from '../../../soap-clients/document/inhoud-stroom';
import { NS } from '../../../soap-clients/xml/namespaces';
import type { TextSink, XEl } from '../../../soap-clients/xml/xml-parser';
import { FacadeError } from '../../core/domain/errors';
import type { ContentFiles, PendingContent } from '../store/content-files';
import type { NewContent } from '../store/document-store';

interface Ontvangst {
  pending: PendingContent;
  stroom: InhoudStroom;
  klaar: Promise<void>;
}

/**
 * Receives the base64 `ZKN:inhoud` of voegZaakdocumentToe, maakZaakdocument and updateZaakdocument while the
 * request is parsed: decoded on the fly (InhoudStroom) and written to a temp file, so a 100 MB document is
 * never one string or buffer. Files of a request that fails are removed.
 */
export class InhoudOntvangst {
  private readonly ontvangsten = new Map<XEl, Ontvangst>();

  constructor(private readonly files: ContentFiles) {}

  /** the XmlReader streamText hook */
  readonly streamText = (element: XEl): TextSink | undefined => {
    if (element.uri !== NS.ZKN || element.local !== 'inhoud') return undefined;
    const pending = this.files.begin();
    const stroom = new InhoudStroom();
    const klaar = pending.writeAll(stroom);
    // a failure is reported by `ophalen`; until then it must not count as unhandled
    klaar.catch(() => undefined);
    this.ontvangsten.set(element, { pending, stroom, klaar });
    return stroom;
  };

  async ophalen(element: XEl | undefined, meta: { bestandsnaam?: string; contentType?: string }): Promise<NewContent | undefined> {
    const o = element && this.ontvangsten.get(element);
    if (!o) return undefined;
    try {
      await o.klaar;
    } catch (e) {
      throw FacadeError.validation(`inhoud is onleesbaar: ${(e as Error).message}`);
    }
    o.pending.finish();
    return { pending: o.pending, ...meta };
  }

  /** The request is done (answered or failed): temp files that were not published go. */
  opruimen(reden?: Error): void {
    for (const o of this.ontvangsten.values()) {
      o.stroom.fail(reden ?? new Error('request ended'));
      o.pending.discard();
    }
    this.ontvangsten.clear();
  }
}
