import type { DatasetEntry } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** Every chart of a dataset has its own id: a story's <Chart> names one by it. */
export const uniqueChartIds: Rule<DatasetEntry> = {
	name: 'unique-chart-ids',
	description: 'every chart of a dataset has its own id',
	check({ data, file, locate }, report) {
		const ids = new Set<string>();
		data.charts.forEach((chart, index) => {
			if (ids.has(chart.id)) {
				report.problem({ file, line: locate(['charts', index, 'id']), field: `charts[${index}].id`, message: `duplicate chart id "${chart.id}"; expected every chart of a dataset to have its own id` });
			}
			ids.add(chart.id);
		});
	},
};
