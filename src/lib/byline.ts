import type { Byline } from '../schemas/article.ts';

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
