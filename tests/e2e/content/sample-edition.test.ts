import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation } from '../../../src/core/chinese-punctuation.ts';
import { formatFigure } from '../../../src/figures/figures.ts';
import { validateSite } from '../../../src/validation/validate-site.ts';
import { projectRoot } from '../../helpers/site-fixture.ts';

/** The printed page, as given (a copy of shared/seed/page.txt). */
const seed = readFileSync(new URL('../../fixtures/seed-page.txt', import.meta.url), 'utf8');
const CAPTION = '福华街街道七一三社区为老人庆生';
/**
 * The page's text with the print layout undone: no line or column breaks, and the caption lifted out
 * of its sentence; its half-width punctuation in Chinese sentences full-width, as the site prints it.
 */
const flowing = fullWidthPunctuation(seed).replace(/\s+/g, '').replace(CAPTION, '');
const squeeze = (text: string) => text.replace(/\s+/g, '');

const site = await validateSite(projectRoot);
const articles = [...site.articles.values()];

describe('the sample edition', () => {
	it('transcribes every paragraph and section heading of the seed page verbatim', () => {
		for (const article of articles) {
			for (const block of article.text.split('\n')) {
				expect(flowing, `${article.file}: ${block.slice(0, 20)}…`).toContain(squeeze(block));
			}
		}
	});

	it('leaves out no paragraph of the seed page', () => {
		const transcribed = articles.map((article) => squeeze(article.text)).join('');
		const headings = articles.flatMap(({ data }) => [data.kicker, data.headline, data.subheadline, data.column]);
		const bylineLines = ['记者刘伟平朱翔宇', '通讯员卢博王焱文/图'];
		let rest = flowing;
		for (const text of [...headings, ...bylineLines]) if (text) rest = rest.replace(squeeze(text), '');
		for (const article of articles) {
			const { dateline, byline } = article.data;
			if (dateline) rest = rest.replace(squeeze(`${dateline}（记者${byline.reporters.join('')}${byline.correspondents.length ? `通讯员${byline.correspondents.join('')}` : ''}）`), '');
		}
		for (const block of articles.flatMap((article) => article.text.split('\n'))) rest = rest.replace(squeeze(block), '');
		expect(transcribed.length).toBeGreaterThan(3000);
		expect(rest).toBe('');
	});

	it('keeps kicker, headline, byline, dateline, column and caption in their own fields', () => {
		const erqi = site.articles.get('2024-09-18/erqi-louyuan-zhili')!.data;
		expect(erqi.kicker).toBe('靶向施策提升楼院治理水平');
		expect(erqi.headline).toBe('二七区723个楼院实现“三类组织”全覆盖');
		expect(erqi.byline).toEqual({ reporters: ['刘伟平', '朱翔宇'], correspondents: ['卢博', '王焱'], credit: '文/图' });
		expect(erqi.images[0].caption).toBe(CAPTION);
		const tourism = articles.filter((article) => article.data.column === '文旅看台').map((article) => article.data.headline);
		expect(tourism).toHaveLength(2);
		for (const article of articles) expect(article.text).not.toContain(CAPTION);
	});

	it('has every figure product.md lists in a dataset, printed as the paper printed it', () => {
		const printed = [...site.datasets.values()].flatMap((dataset) => dataset.data.figures.map((figure) => formatFigure(figure)));
		for (const expected of [
			'736个', '723个', '1095个', '176个', '17个', '82个', '6281个', '1441个', '175个', '549个', '236名', '126名', '68名',
			'1.3万余名', '16400余件', '20名', '26个', '76.57万人次', '40.389万人次', '3440.67万元', '20余项', '200架', '近30万人次',
			'32个', '近百个', '645大类', '1589项', '187项', '14个', '37台', '20个', '100%', '近100%',
		]) {
			expect(printed).toContain(expected);
		}
	});

	it('says that the edition date is assumed', () => {
		const edition = site.editions.get('2024-09-18')!.data;
		expect(edition.notes.join('')).toContain('假定');
	});
});
