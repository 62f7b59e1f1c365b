import { hash } from 'node:crypto';
import { siteConfig } from '../config/site-config.ts';

/** `JSON.stringify([siteConfig, parts])` begins with this: written once, not once per page. */
const KEY_PREFIX = `[${JSON.stringify(siteConfig)},`;

/**
 * A page's key for Astro's incremental build (`experimental.incrementalBuild`): when the key and
 * the code the page imports are the same as in the last build, Astro copies the page from its
 * cache instead of rendering it again. Astro hashes the code; everything else a page shows must be
 * in its key: the content it reads and the site configuration, which is read from
 * site.config.json when the build runs rather than imported. The SHA-256 of
 * `JSON.stringify([siteConfig, parts])`, in base64url.
 */
export function cacheKey(...parts: unknown[]): string {
	return hash('sha256', `${KEY_PREFIX}${JSON.stringify(parts)}]`, 'base64url');
}
