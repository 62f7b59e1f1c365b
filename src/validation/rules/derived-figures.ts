import { derivedFigureProblem } from '../../figures/dataset-figures.ts';
import type { DatasetEntry } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** Computed figures (`derived`) have ids of their own and can be computed from the dataset's figures. */
export const derivedFigures: Rule<DatasetEntry> = {
	name: 'derived-figures',
	description: "a dataset's computed figures have ids no other figure of it has, and can be computed from its figures",
	check({ data, file, locate }, report) {
		const ids = new Set(data.figures.map((figure) => figure.id));
		data.derived.forEach((definition, index) => {
			const field = `derived[${index}]`;
			if (ids.has(definition.id)) {
				report.problem({ file, line: locate(['derived', index, 'id']), field: `${field}.id`, message: `duplicate figure id "${definition.id}"; expected every figure of a dataset to have its own id` });
			}
			ids.add(definition.id);
			const problem = derivedFigureProblem(definition, data);
			if (problem) report.problem({ file, line: locate(['derived', index, 'of']), field: `${field}.of`, message: problem });
		});
	},
};
