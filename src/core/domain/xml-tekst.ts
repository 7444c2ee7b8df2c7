/**
 * What text a StUF message can carry. StUF travels as XML 1.0, whose `Char` production (§2.2) excludes the C0
 * controls other than TAB, LF and CR, and U+FFFE and U+FFFF; not even a character reference can carry them. A
 * lone UTF-16 surrogate is no character at all: encoded as UTF-8 it silently becomes U+FFFD, so the
 * zaaksysteem would store something the caller never sent.
 */
// In a `u` pattern a surrogate pair is one code point, so \p{Cs} matches only a surrogate that stands alone.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/** True when every character of `s` is an XML 1.0 Char and no surrogate stands alone. */
export const isXmlText = (s: string): boolean => !NOT_XML_CHAR.test(s);

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * The length the XSDs mean (XML Schema Part 2 §4.3.1: length is counted in characters, i.e. code points),
 * not JavaScript's UTF-16 units: an emoji is one character, not two.
 */
export const characterLength = (s: string): number => s.length - (s.match(SURROGATE_PAIR)?.length ?? 0);
