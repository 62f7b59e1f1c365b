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
	/**
	 * The first column of the 往期 calendar: `monday` (一 二 三 四 五 六 日, as most Chinese desk
	 * calendars print a week) or `sunday` (日 一 二 … 六, as many wall calendars do).
	 * @example "monday"
	 */
	weekStart: z.enum(['monday', 'sunday']).default('monday'),
	/**
	 * The publication's corrections policy (更正政策), one paragraph per entry, shown on the
	 * corrections policy page and named as `correctionsPolicy` in the publisher's JSON-LD. Without it
	 * the site has no policy page.
	 * @example ["本报刊发的稿件如有事实或数字差错，一经核实即在原稿件上更正，并注明更正时间与内容。"]
	 */
	correctionsPolicy: z.array(text()).min(1, 'expected at least one paragraph').optional(),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
