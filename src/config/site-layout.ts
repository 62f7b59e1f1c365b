/** Where a site's files live, relative to its root. */
export const SITE_LAYOUT = {
	/** The publication's settings. */
	config: 'site.config.json',
	/** Editions and stories: `content/<YYYY-MM-DD>/edition.json` and `content/<YYYY-MM-DD>/<slug>.mdx`. */
	content: 'content',
	/** Datasets: `data/<id>.json`. */
	data: 'data',
	/** The name of an edition's file inside its date folder. */
	editionFile: 'edition.json',
} as const;
