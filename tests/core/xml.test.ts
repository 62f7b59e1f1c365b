import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlText } from '../../src/core/xml.ts';

describe('XML text', () => {
	it('escapeXml(text) drops the characters XML 1.0 does not allow and escapes markup', () => {
		expect(escapeXml('标题\u0000\u0008\uFFFE\uFFFF\uD800<b>&"\'')).toBe('标题&lt;b&gt;&amp;&quot;&apos;');
		expect(xmlText('a\tb\nc\rd\u000be\u007f😀')).toBe('a\tb\nc\rde\u007f😀');
	});

	it('escapeXml(text): any string at all makes a document that parses, with the same text less what XML cannot hold', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				const document = `<?xml version="1.0" encoding="UTF-8"?><title a="${escapeXml(text)}">${escapeXml(text)}</title>`;
				expect(XMLValidator.validate(document)).toBe(true);
				const parsed = new XMLParser({ ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false }).parse(document);
				const kept = xmlText(text);
				if (kept.trim() !== '') expect(String(parsed.title['#text'] ?? parsed.title)).toBe(kept.replace(/\r\n?/g, '\n'));
			}),
		);
	});
});
