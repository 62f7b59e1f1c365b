import type { Locate } from '../core/parse-with-friendly-errors.ts';
import { formatPath, type Problem } from '../core/problem.ts';

/**
 * The marker `npm run new` writes wherever the editor has to write something. A scaffold is valid
 * from the first build, so the marker is what tells `npm run check` what is still to be filled in.
 */
export const PLACEHOLDER = '【待填】';

/** What to write instead of the placeholder, by field name. */
const FIELD_HINTS: Record<string, string> = {
	kicker: 'write the kicker (引题), or delete the line',
	headline: 'write the headline (主题)',
	subheadline: 'write the subheadline (副题), or delete the line',
	column: 'write the column (栏目), such as 文旅看台, or delete the line',
	reporters: "write the reporters' names, such as [刘伟平, 朱翔宇]",
	correspondents: "write the correspondents' names, or leave the list empty: []",
	credit: 'write 文, 图 or 文/图, or delete the line',
	dateline: 'write the dateline, such as 本报讯, or delete the line',
	summary: 'write one or two sentences of the story for lists, feeds and search results',
	alt: 'describe what the image or chart shows, for readers who cannot see it',
	caption: 'write the caption (图说), or delete the line',
	text: 'write what was wrong and what is right',
	title: 'write the title shown on the dataset page or above the chart',
	description: 'write what the figures are and where they come from, or delete the field',
	label: 'write what the figure counts, such as 荥阳市接待游客',
	sentence: 'copy the sentence that prints the figure from the story, character for character',
	place: 'write the county or city the figure is for, such as 荥阳市',
	region: 'write the district, county or city, such as 二七区',
	holiday: 'write the holiday, such as 中秋',
	notes: 'write the note, or delete it',
};

/** Every field path of a parsed file (frontmatter or JSON) whose text still holds the placeholder. */
export function placeholderPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
	if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((item, index) => placeholderPaths(item, [...path, index]));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => placeholderPaths(item, [...path, key]));
	}
	return [];
}

/**
 * One problem per field still holding the placeholder, and one for a body that does, naming its
 * first line. The caller decides whether they are warnings (a draft, an unpublished dataset) or
 * errors (anything readers would see).
 */
export function placeholderProblems(file: string, value: unknown, locate: Locate, body?: { text: string; line: number }): Problem[] {
	const problems: Problem[] = placeholderPaths(value).map((path) => {
		const name = [...path].reverse().find((key): key is string => typeof key === 'string') ?? '';
		return {
			file,
			line: locate(path),
			field: formatPath(path),
			message: `still the placeholder ${PLACEHOLDER} that \`npm run new\` wrote; expected your own text`,
			hint: FIELD_HINTS[name] ?? 'replace it with your own text, or delete the field if it is optional',
		};
	});
	if (body) {
		const lines = body.text.split('\n');
		const marked = lines.flatMap((text, index) => (text.includes(PLACEHOLDER) ? [index] : []));
		if (marked.length > 0) {
			problems.push({
				file,
				line: body.line + marked[0],
				field: 'body',
				message: `${marked.length === 1 ? 'a paragraph of the story still holds' : `${marked.length} paragraphs of the story still hold`} the placeholder ${PLACEHOLDER}; expected the story's text`,
				hint: 'write the story in place of the placeholder paragraphs',
			});
		}
	}
	return problems;
}
