/** The namespaces of StUF 03.01, StUF-ZKN 3.10, StUF-BG 3.10, ZDS 1.2, RZS 1.0 and iWmo 3.2, with the prefixes we write. */
export const NS = {
  StUF: 'http://www.egem.nl/StUF/StUF0301',
  ZKN: 'http://www.egem.nl/StUF/sector/zkn/0310',
  BG: 'http://www.egem.nl/StUF/sector/bg/0310',
  ZDS: 'http://www.stufstandaarden.nl/koppelvlak/zds0120',
  RZS: 'http://www.stufstandaarden.nl/koppelvlak/rzs0310',
  /** the RZS messages as ZDS 1.1.02 copied them (rzs0310 "sectormodel"), still sent by ZDS 1.1 systems */
  RZSSM: 'http://www.stufstandaarden.nl/sectormodel/rzs0310',
  /** iWmo 3.2: the Basisschema's types and the messages a voorziening is written as (prefixes as in its examples) */
  iwmo: 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema',
  wmo301: 'http://www.istandaarden.nl/iwmo/3_2/wmo301/schema',
  wmo319: 'http://www.istandaarden.nl/iwmo/3_2/wmo319/schema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmime: 'http://www.w3.org/2005/05/xmlmime',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

export type Prefix = keyof typeof NS;
