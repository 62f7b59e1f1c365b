import type { SiteConfig } from '../schemas/site.ts';
import { loadSiteConfig } from './load-site-config.ts';
import { siteRoot } from './site-root.ts';

export { loadSiteConfig };

/** The configuration of the site being built. */
export const siteConfig: SiteConfig = loadSiteConfig(siteRoot);
