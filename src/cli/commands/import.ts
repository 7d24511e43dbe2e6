import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  createEvaluation,
  isOpenId,
  resolveOwners,
  setDeadline,
  startCollection,
  type CreatedEvaluation,
  type Member,
  type OwnerDirectory,
} from '../../features/collection';
import { type Config, parseConfig } from '../../config';
import { createLarkClient } from '../../transport/client';
import { DEFAULT_PROFILE, getProfile } from '../../domain/scoring/profiles';
import { explainReading } from '../../import/tables/explain';
import { FIX_SYNTAX } from '../../import/tables/parse-fix';
import { readWithFixes } from '../../import/tables/read-with-fixes';
import { listTenantKeys } from '../../storage/repositories/collection/evaluations';
import { systemClock } from '../../platform/clock';
import { fail, openCliDatabase, parseCommandArgs } from './cli-db';

const USAGE = `用法：jixiao import 文件 --chat 群ID --admin 导入人open_id [选项]
  读取 .xlsx / .csv / .json 自评表，存为该群的一项评价（草稿）。
  --chat       评价所在群的 chat_id（oc_…）
  --admin      导入人的 open_id（ou_…），即第一位管理员，也是预算执行数的填报人
  --owner      把表中的责任人姓名对应到 open_id，可重复：--owner 张伟=ou_xxx（优先于群成员）
  --offline    配置了飞书应用时也不查询群成员和邮箱/手机号
  --tenant     租户 tenant_key；默认沿用库里唯一的租户，空库时为 local
  --profile    评分规则（默认 mof-2020）
  --deadline   截止日期，例如 2026-10-09
  --start      设好截止日期且每项都有责任人时，直接开始收集
  --fix        更正读到的表再导入，可写多个，按顺序生效：--fix "第3行 目标=≥95%"（写法见下）
  --explain    列出识别到的版式、各列的含义和每一行读成了什么（JSON 模式下放在 reading 字段）
  --json       以 JSON 输出结果
  --db         SQLite 文件；默认 JIXIAO_DB 或 ./data/jixiao.sqlite
  配置了飞书应用（LARK_APP_ID / LARK_APP_SECRET）时，责任人按群成员姓名、邮箱、手机号匹配，与在群里导入相同。
  姓名无法对应（无人或多人同名）的行会列出来，不会猜；可在群里的预览卡片上选人。
  表中读不出分值或年度指标值的行会逐行列出（指出单元格），用 --fix 更正后再导入；合计、注释、签字栏等非指标行自动跳过并列出。

${FIX_SYNTAX}`;

/** `jixiao import`: an evaluation from a file, for scripting and support (the chat flow does the same). */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      chat: { type: 'string' },
      admin: { type: 'string' },
      owner: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      profile: { type: 'string' },
      deadline: { type: 'string' },
      start: { type: 'boolean' },
      offline: { type: 'boolean' },
      fix: { type: 'string', multiple: true },
      explain: { type: 'boolean' },
      json: { type: 'boolean' },
      db: { type: 'string' },
    },
    USAGE,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values: args, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) return fail('请给出一个要导入的文件。', USAGE);
  if (!args.chat) return fail('缺少 --chat：评价所在群的 chat_id（oc_…）。', USAGE);
  if (!args.admin || !isOpenId(args.admin)) return fail('缺少 --admin 或格式不对：请给出导入人的 open_id（ou_…）。', USAGE);
  if (args.profile && !getProfile(args.profile)) return fail(`没有名为“${args.profile}”的评分规则。`, USAGE);

  const members: Member[] = [];
  for (const mapping of args.owner ?? []) {
    const m = /^(.+?)=(ou_[0-9a-z_]+)$/i.exec(mapping.trim());
    if (!m) return fail(`--owner “${mapping}” 的格式应为 姓名=ou_xxx。`, USAGE);
    members.push({ name: m[1]!.trim(), openId: m[2]! });
  }

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return fail(`读不到文件 ${file}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const profile = getProfile(args.profile ?? DEFAULT_PROFILE)!;
  const table = await readWithFixes(bytes, basename(file), args.fix ?? [], { defaultBudgetWeight: profile.budgetWeight });
  if (args.explain && !args.json) process.stdout.write(`${table.reading ? explainReading(table.reading) : 'JSON 输入：按字段读取，不需要识别版式。\n'}\n`);
  if (!table.ok) {
    if (args.explain && args.json) process.stdout.write(`${JSON.stringify({ error: table.message, reading: table.reading }, null, 2)}\n`);
    return fail(table.message);
  }

  const directory = await ownerDirectory(args.chat, members, Boolean(args.offline));
  if ('error' in directory) return fail(directory.error);

  const { db, close } = await openCliDatabase(args.db);
  try {
    const tenants = await listTenantKeys(db);
    if (!args.tenant && tenants.length > 1) {
      return fail(`库里有 ${tenants.length} 个租户，请用 --tenant 指定：${tenants.join('、')}`);
    }
    const tenantKey = args.tenant ?? tenants[0] ?? 'local';
    const deps = { db, clock: systemClock };
    const owners = await resolveOwners(table.evaluation.indicators.map((i) => i.owner), directory);
    const created = await createEvaluation(deps, {
      tenantKey,
      chatId: args.chat,
      importerOpenId: args.admin,
      importerName: directory.members.find((m) => m.openId === args.admin)?.name ?? null,
      input: table.evaluation,
      owners,
      sourceFileName: basename(file),
      ruleProfile: args.profile,
      deadline: args.deadline ?? null,
    });
    const problems: string[] = [];
    if (args.deadline) {
      const set = await setDeadline(deps, { evaluationId: created.evaluation.id, actor: args.admin, deadline: args.deadline });
      if (!set.ok) problems.push(set.message);
    }
    let status = created.evaluation.status;
    if (args.start && problems.length === 0) {
      const started = await startCollection(deps, { evaluationId: created.evaluation.id, actor: args.admin });
      if (started.ok) status = started.evaluation.status;
      else problems.push(`未开始收集：${started.message}`);
    }
    if (args.json) {
      const skipped = table.reading?.rows.filter((r) => r.status === 'skipped').map((r) => ({ row: r.row, reason: r.skip?.reason ?? '' })) ?? [];
      const output = {
        evaluationId: created.evaluation.id,
        tenantKey,
        status,
        notes: [...table.notes, ...created.notes],
        ownerIssues: issuesJson(created),
        problems,
        skipped,
        corrections: table.reading?.corrections ?? [],
        ...(args.explain ? { reading: table.reading } : {}),
      };
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      process.stdout.write(summary(created, status, [...table.notes, ...created.notes], problems));
    }
    return problems.length > 0 && args.start ? 1 : 0;
  } finally {
    await close();
  }
}

/**
 * Who the 责任人 cells can name: the `--owner` mappings first, then — when a Lark app is configured —
 * the group's members and Lark's email/mobile lookup, exactly as an import in the chat resolves them.
 */
async function ownerDirectory(chatId: string, mapped: Member[], offline: boolean): Promise<OwnerDirectory | { error: string }> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    return { error: `配置有误：${(error as Error).message}` };
  }
  if (offline || config.mode !== 'lark' || !config.lark.appId || !config.lark.appSecret) return { members: mapped };
  const lark = createLarkClient({ baseUrl: config.lark.baseUrl, appId: config.lark.appId, appSecret: config.lark.appSecret });
  let chatMembers: Member[];
  try {
    chatMembers = await lark.listChatMembers(chatId);
  } catch (error) {
    return { error: `读取群 ${chatId} 的成员失败：${(error as Error).message}。请确认机器人在群里，或加 --offline 只用 --owner 对应。` };
  }
  const mappedNames = new Set(mapped.map((m) => m.name));
  return {
    members: [...mapped, ...chatMembers.filter((m) => !mappedNames.has(m.name))],
    lookupContacts: (query) => lark.batchGetUserIds(query),
  };
}

const STATUS: Record<string, string> = { draft: '草稿（待开始收集）', collecting: '已开始收集' };

function issuesJson(created: CreatedEvaluation) {
  return created.ownerIssues.map((i) => ({
    position: i.position,
    name: i.name,
    status: i.resolution.status,
    raw: i.resolution.raw,
    candidates: i.resolution.status === 'ambiguous' ? i.resolution.candidates : undefined,
  }));
}

function summary(created: CreatedEvaluation, status: string, notes: string[], problems: string[]): string {
  const e = created.evaluation;
  const lines = [
    `已导入：${e.project.name}（${e.id}）`,
    `  指标 ${e.items.length - 1} 项，全年预算数 ${e.budget.fullYear} 万元，${STATUS[status] ?? status}${e.deadline ? `，截止 ${e.deadline}` : ''}`,
    ...notes.map((n) => `  ${n}`),
  ];
  if (created.ownerIssues.length > 0) {
    lines.push(`  ${created.ownerIssues.length} 项的责任人需要确认：`);
    for (const issue of created.ownerIssues) {
      const r = issue.resolution;
      const why =
        r.status === 'missing' ? '未填写责任人'
        : r.status === 'not_found' ? `“${r.raw}”在群成员中找不到`
        : `“${r.raw}”有 ${r.candidates.length} 人同名：${r.candidates.map((c) => c.openId).join('、')}`;
      lines.push(`    第${issue.position}项 ${issue.name}：${why}`);
    }
    lines.push('  可用 --owner 姓名=ou_xxx 重新导入，或在群里的预览卡片上选择责任人。');
  }
  for (const p of problems) lines.push(`  ${p}`);
  return `${lines.join('\n')}\n`;
}
