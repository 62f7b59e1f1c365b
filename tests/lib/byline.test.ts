import { describe, expect, it } from 'vitest';
import { formatByline, formatDateline } from '../../src/lib/byline.ts';

describe('formatByline', () => {
	it('formatByline(byline) prints reporters, correspondents and credit as the paper does', () => {
		expect(formatByline({ reporters: ['刘伟平', '朱翔宇'], correspondents: ['卢博', '王焱'], credit: '文/图' })).toBe(
			'记者 刘伟平 朱翔宇 通讯员 卢博 王焱 文/图',
		);
	});

	it('formatDateline(dateline, byline) puts the names in brackets after the dateline', () => {
		expect(formatDateline('本报讯', { reporters: ['张朝晖'], correspondents: ['韩梦', '许莉萍', '徐少杰'] })).toBe(
			'本报讯(记者 张朝晖 通讯员 韩梦 许莉萍 徐少杰)',
		);
		expect(formatDateline('本报讯', { reporters: [], correspondents: [] })).toBe('本报讯');
	});
});
