/**
 * Characters XML 1.0 does not allow anywhere in a document (most control characters, U+FFFE,
 * U+FFFF, halves of a character). One of them makes a whole feed unreadable to every reader, so
 * each XML writer drops them, whatever the schemas let through.
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text with the characters XML 1.0 does not allow removed. */
export function xmlText(text: string): string {
	return text.replace(NOT_XML, '');
}

/** Escapes text for an XML element or attribute value, dropping characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
	return xmlText(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
