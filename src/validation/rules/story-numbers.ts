import type { StoryInput } from '../entries.ts';
import { describeUnchecked, uncheckedNumbers, type CheckedField } from '../figure-numbers.ts';
import type { Rule } from '../rule.ts';

/**
 * Figure-like numbers in a story's headline, kicker, subheadline, summary and captions agree with
 * a figure of its datasets: not a kicker saying 1999.9万 while the data says 1884.5万. Checked only
 * when every dataset listed is valid: otherwise that is the cause.
 */
export const storyNumbers: Rule<StoryInput> = {
	name: 'story-numbers',
	description: "the numbers in a story's headline, kicker, subheadline, summary and captions are printed by figures of its datasets",
	check({ story: { file, data, locate }, datasets: { lookup } }, report) {
		const listed = data.datasets.filter((dataset) => lookup.has(dataset));
		if (listed.length !== data.datasets.length) return;
		const figures = listed.flatMap((dataset) => [...lookup.get(dataset)!.figures.values()]);
		const fields: CheckedField[] = [];
		const add = (field: string, path: PropertyKey[], text: string | undefined) => {
			if (text) fields.push({ field, line: locate(path), text });
		};
		add('headline', ['headline'], data.headline);
		add('kicker', ['kicker'], data.kicker);
		add('subheadline', ['subheadline'], data.subheadline);
		add('summary', ['summary'], data.summary);
		data.images.forEach((image, index) => add(`images[${index}].caption`, ['images', index, 'caption'], image.caption));
		for (const unchecked of uncheckedNumbers(fields, figures, data.notFigures)) {
			report.unprinted(
				{
					file,
					line: unchecked.line,
					field: unchecked.field,
					message: describeUnchecked(unchecked),
					hint: 'correct the number or the data; if it is not a data figure (a hotline, a number in a name), list it under notFigures',
				},
				unchecked.number.text,
			);
		}
	},
};
