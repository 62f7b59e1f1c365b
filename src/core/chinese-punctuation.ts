/**
 * Chinese punctuation as the paper prints it (W3C clreq): a half-width `, ; : ! ?` or a pair of
 * `( )` that stands in Chinese text is printed full-width (，；：！？（）). Copy typed or transcribed
 * on a Latin keyboard often holds the half-width forms between Han characters; the site prints
 * the full-width ones everywhere (pages, feeds, search, cards) and `npm run check` points editors
 * to them. Numbers (1,000, 3.5, 10:30) and Latin text are left as they are: only punctuation that
 * adjoins a Han character (or Chinese punctuation) changes.
 */

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/** Han characters and the CJK punctuation and full-width forms that stand between them. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Stands for text the caller cannot show (a figure filled in later): neither Chinese nor Latin. */
export const UNKNOWN_TEXT = '\ufffc';

const isChinese = (char: string | undefined) => char !== undefined && CHINESE.test(char);

/**
 * What each character of `text` becomes, one entry per UTF-16 unit (an empty string when it goes:
 * the spaces a half-width mark had after it, which the full-width mark holds in itself). Callers
 * that split the text over several nodes write each node's slice back.
 */
export function fullWidthPunctuationMap(text: string): string[] {
	const out = text.split('');
	const convert = (index: number) => {
		out[index] = FULL_WIDTH[text[index]];
		for (let next = index + 1; text[next] === ' '; next++) out[next] = '';
	};
	const open: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (char === '(') open.push(index);
		else if (char === ')') {
			const start = open.pop();
			if (start === undefined) continue;
			// A pair in Chinese text: 本报讯(记者 史治国), 《报名》(2024年9月18日 05版).
			if (isChinese(text[start - 1]) || CHINESE.test(text.slice(start + 1, index))) {
				convert(start);
				convert(index);
				// The spaces before a full-width bracket go too: 本报讯 (记者 …) → 本报讯（记者 …）.
				for (let before = start - 1; text[before] === ' '; before--) out[before] = '';
			}
		} else if (char in FULL_WIDTH) {
			const before = text[index - 1];
			const after = text.slice(index + 1).match(/^ */)![0].length + index + 1;
			// 1,000 and 10:30 stay; so does a mark between Latin words.
			if (isChinese(before) || (isChinese(text[after]) && before !== ' ')) convert(index);
		}
	}
	return out;
}

/** `统计,中秋假期(记者 史治国)` → `统计，中秋假期（记者 史治国）`. */
export function fullWidthPunctuation(text: string): string {
	return fullWidthPunctuationMap(text).join('');
}

/** A half-width mark in Chinese text, for `npm run check`: where it stands and how it prints. */
export interface HalfWidthMark {
	/** Its offset in the text. */
	index: number;
	mark: string;
	fullWidth: string;
}

/** The half-width marks of `text` that the site prints full-width. */
export function halfWidthMarks(text: string): HalfWidthMark[] {
	const map = fullWidthPunctuationMap(text);
	return map.flatMap((printed, index) => (printed !== text[index] && text[index] in FULL_WIDTH ? [{ index, mark: text[index], fullWidth: printed }] : []));
}

/** The frontmatter a reader sees, with its Chinese punctuation printed full-width. */
interface ArticleText {
	column?: string;
	kicker?: string;
	headline: string;
	subheadline?: string;
	dateline?: string;
	summary: string;
	byline: { credit?: string };
	images: { alt?: string; caption?: string; credit?: string }[];
	corrections: { text: string }[];
}

/**
 * A story's frontmatter with the text a reader sees (headline, summary, captions, corrections…)
 * printed with full-width Chinese punctuation; names and ids are left alone.
 */
export function withFullWidthPunctuation<T extends ArticleText>(article: T): T {
	const print = <V extends string | undefined>(value: V): V => (value === undefined ? value : (fullWidthPunctuation(value) as V));
	return {
		...article,
		column: print(article.column),
		kicker: print(article.kicker),
		headline: print(article.headline),
		subheadline: print(article.subheadline),
		dateline: print(article.dateline),
		summary: print(article.summary),
		byline: { ...article.byline, credit: print(article.byline.credit) },
		images: article.images.map((image) => ({ ...image, alt: print(image.alt), caption: print(image.caption), credit: print(image.credit) })),
		corrections: article.corrections.map((correction) => ({ ...correction, text: print(correction.text) })),
	};
}

/**
 * Every string of parsed JSON (an edition, a dataset) with its Chinese punctuation full-width: the
 * labels, titles, notes and quoted sentences readers see on dataset pages, in charts and downloads.
 * Ids, dates and URLs hold no Han characters and are left as they are.
 */
export function withFullWidthPunctuationDeep(value: unknown): unknown {
	if (typeof value === 'string') return fullWidthPunctuation(value);
	if (Array.isArray(value)) return value.map(withFullWidthPunctuationDeep);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withFullWidthPunctuationDeep(item)]));
	return value;
}
