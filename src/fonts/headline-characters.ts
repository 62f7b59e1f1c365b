import { formatEditionDate, formatPageNumber } from '../core/dates.ts';
import { originCredit } from '../charts/chart-figure.ts';
import { formatFigure } from '../figures/figures.ts';
import type { ValidatedSite } from '../validation/validate-site.ts';

/**
 * Text set in the serif face by the templates themselves rather than by content: page titles,
 * navigation between stories, digits and punctuation of dates and figures.
 */
const TEMPLATE_TEXT =
	'往期数据搜索页面不存在本期版面相关报道上一篇下一篇版第：' +
	'0123456789年月日星期一二三四五六 ·、，。：；！？“”‘’（）()《》—…%' +
	'万亿余近约超个名件人次项台架元天小时单位来源对数刻度本报计算' +
	// Chart downloads (PNG): notes, the log-scale note, the story's own place.
	'注横轴每向右一格值增至倍点与之间的距离并不表示量差本文';

/** Every character the site sets in its headline face (and its social cards print). */
export function headlineCharacters(site: ValidatedSite): string {
	const parts: string[] = [TEMPLATE_TEXT, site.config?.name ?? ''];
	for (const { data } of site.editions.values()) {
		parts.push(formatEditionDate(data.date));
		for (const page of data.pages) parts.push(`第${formatPageNumber(page.number)}版：${page.name}`);
	}
	for (const { data, headings } of site.articles.values()) {
		parts.push(data.kicker ?? '', data.headline, data.subheadline ?? '', data.column ?? '', ...headings);
	}
	for (const { data } of site.datasets.values()) {
		parts.push(data.title);
		for (const figure of data.figures) parts.push(figure.label, formatFigure(figure), 'place' in figure ? figure.place : '');
		// Cards credit an outside body under the chart; a change chart's ticks below zero carry a minus sign.
		if (data.origin) parts.push(originCredit(data.origin));
		if (data.figures.some((figure) => figure.change) || data.derived.some((definition) => definition.base)) parts.push('-');
		// Social cards draw the lead chart with this face.
		for (const chart of data.charts) parts.push(chart.title, ...chart.notes);
	}
	// Sorted and unique, so the same site always gives the same subset (and the same file hash).
	return [...new Set([...parts.join('')])].filter((char) => !/[\n\r\t]/.test(char)).sort().join('');
}
