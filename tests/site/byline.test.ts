import { describe, expect, it } from 'vitest';
import { bylineHtml, datelineHtml, formatByline, formatDateline } from '../../src/site/byline.ts';

describe('formatByline', () => {
	it('formatByline(byline) prints reporters, correspondents and credit as the paper does', () => {
		expect(formatByline({ reporters: ['刘伟平', '朱翔宇'], correspondents: ['卢博', '王焱'], credit: '文/图' })).toBe(
			'记者 刘伟平 朱翔宇 通讯员 卢博 王焱 文/图',
		);
	});

	it('formatDateline(dateline, byline) puts the names in brackets after the dateline', () => {
		expect(formatDateline('本报讯', { reporters: ['张朝晖'], correspondents: ['韩梦', '许莉萍', '徐少杰'] })).toBe(
			'本报讯（记者 张朝晖 通讯员 韩梦 许莉萍 徐少杰）',
		);
		expect(formatDateline('本报讯', { reporters: [], correspondents: [] })).toBe('本报讯');
	});
});

describe('bylineHtml and datelineHtml', () => {
	it('bylineHtml(byline) keeps each name in one unbreakable span, the credit as text', () => {
		expect(bylineHtml({ reporters: ['刘伟平'], correspondents: ['卢博', '王焱'], credit: '文/图' })).toBe(
			'记者 <span class="person">刘伟平</span> 通讯员 <span class="person">卢博</span> <span class="person">王焱</span> 文/图',
		);
	});

	it('datelineHtml(dateline, byline) reads as formatDateline once its tags are taken out, and escapes the text', () => {
		const byline = { reporters: ['张朝晖'], correspondents: ['许莉萍'] };
		expect(datelineHtml('本报讯', byline).replace(/<[^>]+>/g, '')).toBe(formatDateline('本报讯', byline));
		expect(datelineHtml('本报<讯>', { reporters: [], correspondents: [] })).toBe('本报&lt;讯&gt;');
	});
});
