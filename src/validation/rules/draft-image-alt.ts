import type { StoryInput } from '../entries.ts';
import type { Rule } from '../rule.ts';

/**
 * A draft's image may lack alt text for now (the article schema requires it of a published story):
 * a warning, so that it is written before the story is published.
 */
export const draftImageAlt: Rule<StoryInput> = {
	name: 'draft-image-alt',
	description: "warns of a draft's image without alt text, which the story cannot be published without",
	check({ story: { file, data, locate } }, report) {
		if (!data.draft) return;
		data.images.forEach((image, index) => {
			if (image.alt !== undefined) return;
			report.warning({
				file,
				line: locate(['images', index]),
				field: `images[${index}].alt`,
				message: 'missing; a draft may leave it out, but the story cannot be published without it',
				hint: 'describe what the image shows, for readers who cannot see it',
			});
		});
	},
};
