import { chartFigureIds } from '../../charts/dataset-charts.ts';
import { resolveFigures } from '../../figures/dataset-figures.ts';
import type { DatasetEntry } from '../entries.ts';
import { describeUnchecked, uncheckedNumbers, type CheckedField } from '../figure-numbers.ts';
import type { Rule } from '../rule.ts';

/**
 * The numbers in a chart's title, alt text and notes are the data's. A disagreement leaves the
 * dataset usable: a changed value may explain it, and the stories are still checked against the data.
 */
export const chartNumbers: Rule<DatasetEntry> = {
	name: 'chart-numbers',
	description: "the numbers in a chart's title, alt text and notes are printed by figures of its dataset",
	check({ data, file, locate }, report) {
		const figures = resolveFigures(data);
		data.charts.forEach((chart, index) => {
			// A chart naming figures the dataset lacks is chart-drawable's to report.
			if ([...chartFigureIds(chart), ...chart.highlight].some((figure) => !figures.has(figure))) return;
			const field = `charts[${index}]`;
			// The alt text is what screen readers say: its numbers are checked like the title's.
			const copy: CheckedField[] = [
				{ field: `${field}.title`, line: locate(['charts', index, 'title']), text: chart.title },
				{ field: `${field}.alt`, line: locate(['charts', index, 'alt']), text: chart.alt },
			];
			chart.notes.forEach((note, noteIndex) => copy.push({ field: `${field}.notes[${noteIndex}]`, line: locate(['charts', index, 'notes', noteIndex]), text: note }));
			for (const unchecked of uncheckedNumbers(copy, [...figures.values()], chart.notFigures ?? [])) {
				report.unprinted(
					{
						file,
						line: unchecked.line,
						field: unchecked.field,
						message: `chart "${chart.id}": ${describeUnchecked(unchecked)}`,
						hint: 'correct the number or the data; if it is not a data figure, list it under the chart\'s notFigures',
					},
					unchecked.number.text,
				);
			}
		});
	},
};
