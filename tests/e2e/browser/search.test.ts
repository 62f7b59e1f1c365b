import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSampleInBrowser } from '../../helpers/sample-in-browser.ts';

const sample = useSampleInBrowser();

/** Opens the search page for a query and waits until it has said something. */
async function search(page: Page, query: string, extra = ''): Promise<{ status: string; headlines: string[] }> {
	await page.goto(`${sample.server().url}search/?q=${encodeURIComponent(query)}${extra}`);
	await page.waitForFunction(() => {
		const text = document.querySelector('.search-status')?.textContent ?? '';
		return text !== '' && !text.startsWith('正在');
	});
	return {
		status: (await page.locator('.search-status').textContent()) ?? '',
		headlines: await page.locator('.search-result__headline').allTextContents(),
	};
}

describe('search in Chromium', () => {
	it.each([
		['楼院', '二七区723个楼院实现“三类组织”全覆盖'],
		['荥阳', '中秋假期荥阳接待游客40.389万人次 实现旅游收入3440万余元'],
		['政务服务', '中原区高频业务下沉街道社区 政务服务实现“就近办、家门口办”'],
	])('searching %s lists the right story first', async (query, headline) => {
		const page = await sample.tabs.open({ viewport: { width: 360, height: 740 } });
		const { headlines } = await search(page, query);
		expect(headlines[0]).toBe(headline);
		const first = page.locator('.search-result').first();
		await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
		await expect(first.locator('.search-result__meta').textContent()).resolves.toContain('2024年9月18日 星期三 · 第05版：区县新闻');
		await sample.tabs.giveBack(page);
	});

	it('filters by column', async () => {
		const page = await sample.tabs.open();
		const { headlines } = await search(page, '中秋', `&column=${encodeURIComponent('文旅看台')}`);
		expect(headlines.sort()).toEqual(['中牟文旅消费市场热潮涌动 中秋假期迎来76.57万人次', '中秋假期荥阳接待游客40.389万人次 实现旅游收入3440万余元'].sort());
		await sample.tabs.giveBack(page);
	});

	it.each([
		['', '请输入要搜索的词'],
		['！！！……', '没有找到'],
		['楼'.repeat(500), '只用了前100个字'],
		['zzqxjv', '没有找到'],
	])('a query of %j gives a clear message, not an error', async (query, message) => {
		const page = await sample.tabs.open();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		const { status } = await search(page, query.slice(0, 500));
		expect(status).toContain(message);
		expect(errors).toEqual([]);
		await sample.tabs.giveBack(page);
	});

	it('says plainly that search needs JavaScript when it is off', async () => {
		const context = await (await sample.tabs.browser()).newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${sample.server().url}search/?q=楼院`);
		const notice = page.locator('.search-notice');
		await expect(notice.isVisible()).resolves.toBe(true);
		await expect(notice.textContent()).resolves.toContain('搜索需要浏览器启用 JavaScript');
		// Filters need the index, which needs JavaScript: they stay hidden.
		await expect(page.locator('.search-form__filters').isVisible()).resolves.toBe(false);
		await context.close();
	});

	it('the 404 page offers a search form that leads to results', async () => {
		const page = await sample.tabs.open();
		await page.goto(`${sample.server().url}no-such-story/`);
		await page.fill('input[name="q"]', '荥阳');
		await page.click('button[type="submit"]');
		await page.waitForSelector('.search-result');
		await expect(page.locator('.search-result__headline').first().textContent()).resolves.toContain('荥阳');
		await sample.tabs.giveBack(page);
	});
});
