import type { DatasetEntry } from '../entries.ts';
import type { Rule } from '../rule.ts';

const bare = (text: string) => text.replace(/[\s。.，,：:]/g, '');

/** A chart's alt text is what screen readers say: the title again tells them nothing. */
export const chartAltText: Rule<DatasetEntry> = {
	name: 'chart-alt-text',
	description: "a chart's alt text says what the chart shows, and is not its title again",
	check({ data, file, locate }, report) {
		data.charts.forEach((chart, index) => {
			if (bare(chart.alt) !== bare(chart.title)) return;
			report.problem({
				file,
				line: locate(['charts', index, 'alt']),
				field: `charts[${index}].alt`,
				message: `received the title again ("${chart.title}"); expected alt text a screen-reader user can use, saying what the chart shows with its figures`,
				hint: 'write the figures the chart shows in a sentence, such as 中牟县接待游客76.57万人次，荥阳市接待游客40.389万人次。',
			});
		});
	},
};
