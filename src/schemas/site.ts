import { z } from 'astro/zod';
import { text } from './text.ts';

/**
 * The publication's settings, read from `site.config.json` at the site root.
 * Everything that differs between two newspapers using Broadsheet lives here.
 */
export const siteConfigSchema = z.strictObject({
	/**
	 * The publication's name, shown in the masthead and the citation line 《报名》.
	 * @example "郑州日报"
	 */
	name: text(),
	/**
	 * One sentence describing the publication, used as the front page's meta description.
	 * @example "郑州日报数字报"
	 */
	description: text(),
	/**
	 * The absolute origin the site is published at, without the base path.
	 * @example "https://paper.example.cn"
	 */
	url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) address such as "https://paper.example.cn"' }),
	/**
	 * The sub-path the site is served under; `/` for the root of the host.
	 * Overridden by the `BROADSHEET_BASE` environment variable (the deploy workflow sets it).
	 * @example "/paper/"
	 */
	base: z
		.string()
		.regex(/^\/([\w.-]+\/)*$/, 'expected a path that starts and ends with "/", such as "/" or "/paper/"')
		.default('/'),
	/**
	 * The language of the publication, written into `<html lang>`.
	 * @example "zh-CN"
	 */
	language: z.literal('zh-CN').default('zh-CN'),
	/**
	 * The time zone every date and time is shown in.
	 * @example "Asia/Shanghai"
	 */
	timeZone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
