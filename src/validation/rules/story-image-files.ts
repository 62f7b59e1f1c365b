import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realPathOutside } from '../../core/list-files.ts';
import { SITE_LAYOUT } from '../../config/site-layout.ts';
import type { StoryReferenceInput } from '../entries.ts';
import type { Rule } from '../rule.ts';

/** A story's image files exist next to it, inside content/: only the site's own files are published. */
export const storyImageFiles: Rule<StoryReferenceInput> = {
	name: 'story-image-files',
	description: "a story's image files exist next to it, inside content/ (not links to files elsewhere)",
	check({ id, article: { data, file, locate }, root }, report) {
		// A story in another edition's folder is story-edition's to report: the cause, first.
		if (data.edition !== id.split('/')[0]) return;
		data.images.forEach((image, index) => {
			if (!image.file) return;
			const path = join(root, dirname(file), image.file);
			const problem = (message: string) => report.problem({ file, line: locate(['images', index, 'file']), field: `images[${index}].file`, message });
			if (!existsSync(path)) {
				problem(`received "${image.file}", but there is no such file next to the story; expected an image file`);
				return;
			}
			const real = realPathOutside(join(root, SITE_LAYOUT.content), path);
			if (real) problem(`received "${image.file}", a link to ${JSON.stringify(real)}, outside content/; expected an image file inside content/ (only the site's own files are published)`);
		});
	},
};
