/**
 * Numbers as search finds them. Pagefind's Chinese tokenizer drops the decimal point
 * (pagefind#1296: 1.8 matches 18 and 187, 7.23 matches 723, and 1884.5万, printed nowhere, matches
 * stories holding 1884 and 5). So each story page lists the numbers its text prints as values of a
 * `number` filter, and a query holding numbers is searched within the stories whose values hold
 * every one of them, exactly: a story that prints 40.389万人次 has `40.389` and `40.389万`.
 * The build and the search page's script normalise with the same function.
 */

/** The filter the story pages carry the numbers they print in. */
export const NUMBER_FILTER = 'number';

// 1,000 as 1000; 40.389; a 万 or 亿 right after the number (40.389万人次, 近30万).
const NUMBER = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([万亿])?/g;

/** Each number of `text`, as the filter values a page carries: `40.389`, and `40.389万` when scaled. */
export function printedNumbers(text: string): string[] {
	const values = new Set<string>();
	for (const match of text.matchAll(NUMBER)) {
		const number = match[1].replaceAll(',', '') + (match[2] === undefined ? '' : `.${match[2]}`);
		values.add(number);
		if (match[3]) values.add(number + match[3]);
	}
	return [...values];
}

/**
 * The numbers of a reader's query, each as the one filter value a story must carry to print it:
 * `76.57万` for 76.57万 (and for 76.57万人次), `40.389` for 40.389, `1000` for 1,000.
 */
export function queryNumbers(query: string): string[] {
	const values = new Set<string>();
	for (const match of query.matchAll(NUMBER)) values.add(match[1].replaceAll(',', '') + (match[2] === undefined ? '' : `.${match[2]}`) + (match[3] ?? ''));
	return [...values];
}
