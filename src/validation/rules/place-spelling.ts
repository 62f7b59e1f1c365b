import type { DatasetEntry } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** One place written two ways (荥阳 and 荥阳市) would split a comparison: the short form is a typo. */
export const placeSpelling: Rule<DatasetEntry> = {
	name: 'place-spelling',
	description: "a holiday-tourism dataset writes each place one way (not 荥阳 beside 荥阳市)",
	check({ data, file, locate }, report) {
		if (data.kind !== 'holiday-tourism') return;
		const places = new Set(data.figures.map((figure) => figure.place));
		data.figures.forEach((figure, index) => {
			const longer = [...places].find((place) => place.length === figure.place.length + 1 && place.startsWith(figure.place) && /[市县区]$/.test(place));
			if (!longer) return;
			report.problem({
				file,
				line: locate(['figures', index, 'place']),
				field: `figures[${index}].place`,
				message: `received "${figure.place}"; did you mean "${longer}"? expected each place written one way, as the dataset's other figures write it`,
			});
		});
	},
};
