/**
 * Text measuring and wrapping without a DOM. Charts are rendered at build time and for resvg,
 * where no browser can measure text, so widths are estimated from the characters; the
 * estimates err on the wide side so that an estimated fit is a real fit.
 */

/** Where text is anchored horizontally, as SVG's `text-anchor`. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** The part of the em above the baseline that CJK glyphs fill (Noto Sans CJK: 0.88). */
export const ASCENT = 0.88;

/** The part of the em below the baseline, generous enough for Latin descenders (g, y). */
export const DESCENT = 0.2;

/** Distance between the baselines of wrapped lines, in ems. */
export const LINE_HEIGHT = 1.3;

/** A rectangle in viewBox units. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

const DIGIT_OR_LOWER = /[0-9a-z]/;
const UPPER = /[A-Z]/;
const NARROW_ASCII = /[ .,:;!'|()[\]`]/;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** The estimated advance of one character, in ems. */
export function characterWidth(character: string): number {
	if (character === ' ') return 0.3;
	if (character.length === 1 && character.charCodeAt(0) < 0x80) {
		// Bold digits of common sans faces (DejaVu Sans Bold: 0.696 em) are the widest the charts
		// print; measured in Chromium, 0.6 let "1095个" run out of its SVG.
		if (DIGIT_OR_LOWER.test(character)) return 0.7;
		if (UPPER.test(character)) return 0.78;
		if (NARROW_ASCII.test(character)) return 0.38;
		return 0.7;
	}
	if (ZERO_WIDTH.test(character)) return 0;
	// Han, kana, full-width punctuation, and the curly quotes and middle dot that CJK fonts set
	// full width (“三类组织”, 河南·戏剧幻城); anything unknown is also given a full em, to be safe.
	return 1;
}

/** The estimated width of `text` set at `fontSize`, in the same units as `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
	let ems = 0;
	for (const character of text) ems += characterWidth(character);
	return ems * fontSize;
}

/**
 * The box a single line of text occupies when drawn at (`x`, `y`), `y` being the baseline, as
 * SVG places `<text>`. Layout and tests use the same box, so "no overlap" means the same thing
 * to both.
 */
export function textBox(text: string, x: number, y: number, fontSize: number, anchor: TextAnchor = 'start'): Box {
	const width = textWidth(text, fontSize);
	const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
	return { left, top: y - ASCENT * fontSize, right: left + width, bottom: y + DESCENT * fontSize };
}

/** The baseline that centres a line of text's box on `middle`, as SVG has no reliable vertical centring. */
export function centredBaseline(middle: number, fontSize: number): number {
	return middle + ((ASCENT - DESCENT) / 2) * fontSize;
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The height of a block of `lines` lines of text, from the top of the first to the bottom of the last. */
export function blockHeight(lines: number, fontSize: number): number {
	return lines <= 0 ? 0 : (lines - 1) * LINE_HEIGHT * fontSize + (ASCENT + DESCENT) * fontSize;
}

// Kinsoku (clreq §3.1.7): these may not begin a line, so they stay with what precedes them…
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—％‰·,.;:?!)]}%']);
// …and these may not end one, so they stay with what follows.
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

// A run of Latin letters or digits, with the punctuation inside numbers and words (76.57,
// 24/7, e-mail), is one unit: clreq forbids splitting a number across lines.
const WORD_CHARACTER = String.raw`(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])`;
const TOKENS = new RegExp(String.raw`${WORD_CHARACTER}+(?:[.,:/'’-]${WORD_CHARACTER}+)*|\s+|.`, 'gsu');

/** Splits text into the pieces a line may break between. */
function breakableUnits(text: string): string[] {
	const units: string[] = [];
	let glueNext = false;
	for (const [token] of text.matchAll(TOKENS)) {
		const first = [...token][0] ?? '';
		const space = /^\s/.test(first);
		if (units.length > 0 && !space && (glueNext || NO_LINE_START.has(first))) {
			units[units.length - 1] += token;
		} else {
			units.push(token);
		}
		glueNext = NO_LINE_END.has([...token].at(-1) ?? '');
	}
	return units;
}

/** Splits a unit wider than a whole line, such as a long URL, between characters. */
function splitByCharacter(unit: string, maxWidth: number, fontSize: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const character of unit) {
		if (piece && textWidth(piece + character, fontSize) > maxWidth) {
			pieces.push(piece);
			piece = '';
		}
		piece += character;
	}
	if (piece) pieces.push(piece);
	return pieces;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at `fontSize`: between any two Han
 * characters, at spaces, never inside a number or Latin word, and never with closing
 * punctuation at the start of a line or opening punctuation at its end.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
	if (!(maxWidth > 0) || !(fontSize > 0)) throw new RangeError(`invalid wrap width or font size: ${maxWidth}, ${fontSize}`);
	const lines: string[] = [];
	let line = '';
	const flush = () => {
		const trimmed = line.trimEnd();
		if (trimmed) lines.push(trimmed);
		line = '';
	};
	for (const unit of breakableUnits(text.trim())) {
		if (!line && /^\s+$/.test(unit)) continue;
		if (textWidth(line + unit, fontSize) <= maxWidth || (!line && textWidth(unit, fontSize) <= maxWidth)) {
			line += unit;
			continue;
		}
		flush();
		const start = unit.trimStart();
		if (!start) continue;
		if (textWidth(start, fontSize) <= maxWidth) {
			line = start;
		} else {
			const pieces = splitByCharacter(start, maxWidth, fontSize)
				.map((piece) => piece.trim())
				.filter(Boolean);
			lines.push(...pieces.slice(0, -1));
			line = pieces.at(-1) ?? '';
		}
	}
	flush();
	return lines;
}
