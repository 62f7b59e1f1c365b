import { readFile } from 'node:fs/promises';
import { cardCharacters, type SocialCard } from './social-card.ts';

/**
 * The font files a card can be drawn with. The subset is the build's headline face cut to the
 * characters the site prints: a 100 KB file resvg reads in no time. The source face (14 MB) holds
 * every glyph, but resvg parses it again for every picture with text (a chart): about 170 ms a card.
 */
export interface CardFontFiles {
	/** The build's TrueType subset (`currentCardFont()`); absent before the first build (`astro dev`). */
	subset?: string;
	/** The whole headline face (`HEADLINE_FONT_SOURCE`). */
	source: string;
}

/** A font file read once per thread, with the characters it has glyphs for. */
interface LoadedFont {
	data: Buffer;
	file: string;
	characters: Set<number>;
}

// Kept for the life of the thread: satori parses a face once per Buffer it is given, so the same
// Buffer must come back for every card.
const loaded = new Map<string, Promise<LoadedFont>>();

function loadFont(file: string): Promise<LoadedFont> {
	let font = loaded.get(file);
	if (!font) {
		font = readFile(file).then((data) => ({ data, file, characters: fontCharacters(data, file) }));
		loaded.set(file, font);
	}
	return font;
}

/**
 * The font to draw `card` with: the subset when it has every character the card draws, else the
 * source face. A card's cache key names the source face, not the subset, so what a card looks like
 * must not depend on which subset the build had: a subset that lacks one of the card's characters
 * would draw a blank there, and that blank would be kept for later builds.
 */
export async function cardFontFor(card: SocialCard, files: CardFontFiles): Promise<{ data: Buffer; file: string }> {
	if (files.subset) {
		const subset = await loadFont(files.subset);
		if ([...cardCharacters(card)].every((char) => subset.characters.has(char.codePointAt(0)!))) return subset;
	}
	return loadFont(files.source);
}

/**
 * The code points a TrueType/OpenType font maps to a glyph, read from its `cmap` table (the
 * Unicode subtables in formats 4 and 12, which every font subset-font writes has).
 */
export function fontCharacters(font: Buffer, file = 'font'): Set<number> {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const tables = view.getUint16(4);
	let cmap: number | undefined;
	for (let i = 0; i < tables; i++) {
		const record = 12 + i * 16;
		if (font.toString('latin1', record, record + 4) === 'cmap') cmap = view.getUint32(record + 8);
	}
	if (cmap === undefined) throw new Error(`${file}: the font has no cmap table, expected a TrueType or OpenType font`);
	const characters = new Set<number>();
	const subtables = view.getUint16(cmap + 2);
	for (let i = 0; i < subtables; i++) {
		const platform = view.getUint16(cmap + 4 + i * 8);
		const encoding = view.getUint16(cmap + 6 + i * 8);
		const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
		if (!isUnicode) continue;
		const table = cmap + view.getUint32(cmap + 8 + i * 8);
		const format = view.getUint16(table);
		if (format === 4) readFormat4(view, table, characters);
		else if (format === 12) readFormat12(view, table, characters);
	}
	return characters;
}

/** Segments of 16-bit code points; a segment maps through an offset or through a glyph array. */
function readFormat4(view: DataView, table: number, characters: Set<number>): void {
	const segments = view.getUint16(table + 6) / 2;
	const ends = table + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let s = 0; s < segments; s++) {
		const start = view.getUint16(starts + s * 2);
		const end = view.getUint16(ends + s * 2);
		const delta = view.getUint16(deltas + s * 2);
		const rangeOffset = view.getUint16(rangeOffsets + s * 2);
		for (let code = start; code <= end && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
			else {
				const index = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
				glyph = index === 0 ? 0 : (index + delta) & 0xffff;
			}
			if (glyph !== 0) characters.add(code);
		}
	}
}

/** Groups of 32-bit code points mapped to consecutive glyphs. */
function readFormat12(view: DataView, table: number, characters: Set<number>): void {
	const groups = view.getUint32(table + 12);
	for (let g = 0; g < groups; g++) {
		const group = table + 16 + g * 12;
		const start = view.getUint32(group);
		const end = view.getUint32(group + 4);
		const firstGlyph = view.getUint32(group + 8);
		for (let code = start; code <= end; code++) if (firstGlyph + (code - start) !== 0) characters.add(code);
	}
}
