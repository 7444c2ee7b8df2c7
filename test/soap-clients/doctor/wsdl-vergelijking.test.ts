import { describe, expect, it } from 'vitest';
import { vergelijkWsdl } from '../../../soap-clients/doctor/wsdl-vergelijking';
import { STUF_ZKN } from '../../support/shared';

/** The doctor's WSDL step on the official WSDLs, as a vendor that follows the standard publishes them. */
const wsdl = (pad: string) => `${STUF_ZKN}/schemas/${pad}`;

describe('vergelijkWsdl', () => {
  it('finds every operation of ours in the official ZDS 1.2 WSDL and reads its dialect', async () => {
    for (const [service, file] of [
      ['beantwoordVraag', 'zds-1.2/zds0120/berichten/zds0120_beantwoordVraag_zs-dms.wsdl'],
      ['vrijeBerichten', 'zds-1.2/zds0120/berichten/zds0120_vrijeBerichten_zs-dms.wsdl'],
    ] as const) {
      expect(await vergelijkWsdl(wsdl(file), service, 'zds-1.2')).toEqual({ dialect: 'zds-1.2', ontbrekend: [] });
    }
  });

  it('reads ZDS 1.1 from the ZDS 1.1 WSDL, and lists what a WSDL of the other dialect lacks', async () => {
    const file = wsdl('zds-1.1/zkn0310/zs-dms/zkn0310_beantwoordVraag_zs-dms.wsdl');
    expect(await vergelijkWsdl(file, 'beantwoordVraag', 'zds-1.1')).toEqual({ dialect: 'zds-1.1', ontbrekend: [] });
    const anders = await vergelijkWsdl(file, 'beantwoordVraag', 'zds-1.2');
    expect(anders.dialect).toBe('zds-1.1');
    expect(anders.ontbrekend).toEqual(['geefZaakstatus', 'geefZaakdetails', 'geefLijstZaakdocumenten', 'geefZaakdocumentLezen']);
  });
});
