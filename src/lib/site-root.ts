import { resolve } from 'node:path';

/**
 * The folder holding `site.config.json`, `content/` and `data/`. The project folder by default;
 * `BROADSHEET_ROOT` points a build at another one (the tests build fixture sites this way).
 */
export const siteRoot = resolve(process.env.BROADSHEET_ROOT ?? process.cwd());
