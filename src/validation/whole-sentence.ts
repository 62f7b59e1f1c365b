/** What ends a sentence in Chinese copy: 。！？ (and their half-width forms), an ellipsis. */
const SENTENCE_END = /[。！？!?…]/;
/** Closing quotes and brackets that belong to the sentence they close (……。” ends with ”). */
const CLOSING = /[”’」』）)"']/;

/**
 * The whole sentence of `text` around the one found at `start` up to `end`: back to the end of
 * the sentence before it (or the paragraph's start), on to its own end (or the paragraph's end).
 */
export function enclosingSentence(text: string, start: number, end: number): string {
	let from = start;
	while (from > 0 && text[from - 1] !== '\n' && !(SENTENCE_END.test(text[from - 1]!) || (CLOSING.test(text[from - 1]!) && SENTENCE_END.test(text[from - 2] ?? '')))) from--;
	let to = end;
	const endsSentence = () => SENTENCE_END.test(text[to - 1] ?? '') || (CLOSING.test(text[to - 1] ?? '') && SENTENCE_END.test(text[to - 2] ?? ''));
	while (to < text.length && text[to] !== '\n' && !(endsSentence() && !SENTENCE_END.test(text[to]!) && !CLOSING.test(text[to]!))) to++;
	return text.slice(from, to).trim();
}

/**
 * How a quoted sentence stands in a story's text: `true` when it is there as a whole sentence (or
 * several), `false` when it is not there, or the whole sentence when only a fragment of it was
 * quoted (接待游客40.389万人次 stands for 全市旅游接待游客40.389万人次,实现旅游收入3440.67万元。).
 */
export function quoteInText(text: string, sentence: string): boolean | string {
	const start = text.indexOf(sentence);
	if (start < 0) return false;
	const whole = enclosingSentence(text, start, start + sentence.length);
	return whole === sentence ? true : whole;
}
