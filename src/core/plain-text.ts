/**
 * What makes text plain text, for the schemas (src/schemas/text.ts) and the charts alike: shared by
 * both so one rule holds wherever text is read.
 */

/**
 * Characters no text field may hold: control characters (XML 1.0 forbids most of them, and the
 * rest have no place in a headline; tabs and line breaks are only spaces), non-characters such as
 * U+FFFE, and halves of a character (lone surrogates). The charts refuse the same characters in
 * what they print (src/charts/chart-row.ts).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Noncharacter_Code_Point}|\p{Cs}/u;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
 * what a reader sees, so a figure or name could read differently from what the file says. Chinese
 * text never needs them.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

/** A character a reader can see: not a space, nor a character that is invisible by design (zero-width space, joiners…). */
export const VISIBLE = /[^\s\p{Z}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cn}]/u;

/** Characters shown escaped in a message, since the editor could not see them otherwise. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** Text as a message shows it: quoted, with invisible characters written as \u200B. */
export function showText(text: string): string {
	const shown = JSON.stringify(text).replace(INVISIBLE, (character) => `\\u${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
	return shown.length > 62 ? `${shown.slice(0, 59)}…"` : shown;
}

/** Whether text holds a character a reader can see. */
export function hasVisibleText(text: string): boolean {
	return VISIBLE.test(text);
}

/** `U+0008` for a character. */
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a piece of text, or undefined when nothing is: a control character, a
 * non-character, a bidirectional control, or (for required text) no visible character at all.
 */
export function textProblem(text: string, { required = true }: { required?: boolean } = {}): string | undefined {
	const control = CONTROL_CHARACTERS.exec(text);
	if (control) {
		return `received text holding the control character or non-character ${codePoint(control[0])} at position ${control.index + 1}; expected plain text (delete the character: it is invisible, and it breaks the feeds)`;
	}
	const bidi = BIDI_CONTROLS.exec(text);
	if (bidi) {
		return `received text holding the bidirectional control ${codePoint(bidi[0])} at position ${bidi.index + 1}; expected plain text (the character reorders what readers see, so the text would not read as it is written)`;
	}
	if (required && !hasVisibleText(text)) {
		return text === '' ? 'received empty text; expected some text' : `received ${showText(text)}, which has no visible character; expected some text a reader can see`;
	}
	return undefined;
}

