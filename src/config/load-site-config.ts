import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfigSchema, type SiteConfig } from '../schemas/site.ts';
import { ContentError } from '../core/problem.ts';
import { parseWithFriendlyErrors } from '../core/parse-with-friendly-errors.ts';
import { SITE_LAYOUT } from './site-layout.ts';

/**
 * Reads the site configuration of a site root. `BROADSHEET_BASE` and `BROADSHEET_URL` override the
 * base path and origin, so a deploy can publish the same content under another address.
 */
export function loadSiteConfig(root: string, env: NodeJS.ProcessEnv = process.env): SiteConfig {
	const file = SITE_LAYOUT.config;
	let input: Record<string, unknown>;
	try {
		input = JSON.parse(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new ContentError([{ file, field: '', message: `cannot be read as JSON (${(error as Error).message})` }]);
	}
	const overridden = {
		...input,
		...(env.BROADSHEET_BASE ? { base: env.BROADSHEET_BASE } : {}),
		...(env.BROADSHEET_URL ? { url: env.BROADSHEET_URL } : {}),
	};
	const parsed = parseWithFriendlyErrors(siteConfigSchema, overridden, file);
	if (!parsed.ok) throw new ContentError(parsed.problems);
	return parsed.data;
}

