import type { Edition } from '../../schemas/edition.ts';
import type { Sourced } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** An edition's date is the name of its folder, where its stories are. */
export const editionDate: Rule<Sourced<Edition>> = {
	name: 'edition-date',
	description: "an edition's date is the name of its folder (content/2024-09-18/edition.json says 2024-09-18)",
	check({ file, data, locate }, report) {
		const folder = file.split('/').at(-2);
		if (data.date === folder) return;
		report.problem({
			file,
			line: locate(['date']),
			field: 'date',
			message: `received "${data.date}"; expected "${folder}", the name of the edition's folder`,
		});
	},
};
