import type { StoryReferenceInput } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** A story belongs to the edition whose folder it is in, which exists and prints the story's page. */
export const storyEdition: Rule<StoryReferenceInput> = {
	name: 'story-edition',
	description: "a story's edition is the one whose folder it is in, that edition exists, and has the story's page",
	check({ id, article: { data, file, locate }, site }, report) {
		const folder = id.split('/')[0];
		if (data.edition !== folder) {
			report.problem({
				file,
				line: locate(['edition']),
				field: 'edition',
				message: `received "${data.edition}"; expected "${folder}", the edition whose folder the story is in`,
			});
			return;
		}
		const edition = site.editions.get(data.edition);
		if (!edition && site.present.editions.has(data.edition)) {
			// The edition file exists but is invalid, which is reported on its own.
		} else if (!edition) {
			report.problem({
				file,
				line: locate(['edition']),
				field: 'edition',
				message: `received "${data.edition}", but there is no content/${data.edition}/edition.json; expected an existing edition`,
				hint: `create content/${data.edition}/edition.json with the edition's pages`,
			});
		} else if (!edition.data.pages.some((page) => page.number === data.page)) {
			const pages = edition.data.pages.map((page) => page.number).join(', ');
			report.problem({
				file,
				line: locate(['page']),
				field: 'page',
				message: `received ${data.page}; expected one of the pages of edition ${data.edition}: ${pages}`,
				hint: `add page ${data.page} to ${edition.file}, or correct the page number`,
			});
		}
	},
};
