import type { Byline } from '../schemas/article.ts';
import { escapeXml } from '../core/xml.ts';

/** `记者 刘伟平 朱翔宇 通讯员 卢博 王焱 文/图`, as printed. */
export function formatByline(byline: Byline): string {
	return [
		byline.reporters.length > 0 ? `记者 ${byline.reporters.join(' ')}` : '',
		byline.correspondents.length > 0 ? `通讯员 ${byline.correspondents.join(' ')}` : '',
		byline.credit ?? '',
	]
		.filter(Boolean)
		.join(' ');
}

/** `本报讯（记者 张朝晖 通讯员 韩梦 许莉萍 徐少杰）`: the dateline with the byline in full-width brackets, as printed. */
export function formatDateline(dateline: string, byline: Byline): string {
	const names = formatByline({ ...byline, credit: undefined });
	return names ? `${dateline}（${names}）` : dateline;
}

const person = (name: string) => `<span class="person">${escapeXml(name)}</span>`;

/**
 * {@link formatByline} as HTML whose names never break across lines (许莉/萍 at a line's end
 * reads as two people): each name is a `<span class="person">`.
 */
export function bylineHtml(byline: Byline): string {
	return [
		byline.reporters.length > 0 ? `记者 ${byline.reporters.map(person).join(' ')}` : '',
		byline.correspondents.length > 0 ? `通讯员 ${byline.correspondents.map(person).join(' ')}` : '',
		byline.credit ? escapeXml(byline.credit) : '',
	]
		.filter(Boolean)
		.join(' ');
}

/** {@link formatDateline} as HTML, its names kept whole as in {@link bylineHtml}. */
export function datelineHtml(dateline: string, byline: Byline): string {
	const names = bylineHtml({ ...byline, credit: undefined });
	return names ? `${escapeXml(dateline)}（${names}）` : escapeXml(dateline);
}
