import { describe, it } from 'vitest';
import { normalize } from '../../../src/domain/scoring/text';
import { readNumber } from '../../../src/domain/scoring/numbers-in';
import { parseActual } from '../../../src/domain/scoring/parse-actual';
import { parseTarget } from '../../../src/domain/scoring/parse-target';
import { fenceGrid } from '../../../src/import/fences/fence-grid';
import { DEFAULT_FILE_LIMITS } from '../../../src/import/fences/limits';
import { parseRef, scanSheet } from '../../../src/import/fences/sheet-scan';
import { attribute, decodeEntities, scanTags } from '../../../src/import/fences/xml-tags';
import { parseDelimited, sniffDelimiter } from '../../../src/import/tables/delimited';
import { label } from '../../../src/import/tables/labels';
import { readSheet } from '../../../src/import/tables/read-sheet';
import { readPastedTable, readTable } from '../../../src/import/tables/read-table';
import { findCommand } from '../../../src/features/shared/router';
import { commandTable, FEATURES } from '../../../src/features/register';
import { looksLikePastedTable, stripMentions } from '../../../src/features/collection/handlers/messages/text';
import { parseLadderPatch } from '../../../src/features/reminders/handlers/reminder-settings';
import { parseLooseDate } from '../../../src/platform/time';

/**
 * Review F2: one chat message of `1,111,…` froze the bot for seconds, because an unanchored number search is
 * quadratic on it. Every parser entry that reads user text — the import readers, the target/value parsers they
 * and the cards use, the chat command parsers — gets 100 KB of each adversarial shape below. A linear parser
 * takes milliseconds; the quadratic ones took 7 s to over 2 minutes on these inputs. The bound is the test's
 * timeout, generous for a loaded CI machine: this fails by timing out, it asserts no speed.
 */
const SIZE = 100_000;
const BOUND_MS = 10_000;

const shapes: Record<string, string> = {
  'commas 1,1,1,…': '1,'.repeat(SIZE / 2),
  'thousands 1,111,111,…,11次': `1,${'111,'.repeat(SIZE / 4)}11次`,
  'digits then a stop': `${'1'.repeat(SIZE)}。`,
  'digits then 个': `年${'1'.repeat(SIZE)}个`,
  'dots 1.1.1.': '1.'.repeat(SIZE / 2),
  'dashes 1-1-1-': '1-'.repeat(SIZE / 2),
  '(含(含(含': '(含'.repeat(SIZE / 2),
  'spaces then a letter': `a${' '.repeat(SIZE)}x`,
  'ideographic spaces': `a${' \u3000'.repeat(SIZE / 2)}x\n`,
  'tabs': `${'\t'.repeat(SIZE)}x`,
  'quotes': '"'.repeat(SIZE),
  'line breaks': '\r\n'.repeat(SIZE / 2),
  'band word then thousands': `达成1,${'111,'.repeat(SIZE / 4)}11x`,
  'percent signs': '%1'.repeat(SIZE / 2),
  'operators ≥≥≥': '≥='.repeat(SIZE / 2),
  'dates 2020年2020年': '2020年'.repeat(SIZE / 5),
  'markup <<<<': '<a "'.repeat(SIZE / 4),
  'entities &#x&#x': '&#x1'.repeat(SIZE / 4),
  'letters then a digit': `${'A'.repeat(SIZE)}1`,
};

function each(entry: (input: string) => unknown) {
  return () => {
    for (const input of Object.values(shapes)) entry(input);
  };
}

const qualitative = parseTarget('有效提高');
const numeric = parseTarget('≥95%');
if (!qualitative.ok || !numeric.ok) throw new Error('fixture targets must parse');

describe('every parser of user text is linear on 100 KB adversarial input', () => {
  describe('import readers (src/import)', () => {
    it('readPastedTable: the shape in one 年度指标值 cell of a pasted table', each((x) => readPastedTable(`三级指标\t年度指标值\t分值\n培训\t${x}\t10\n`)), BOUND_MS);
    it('readPastedTable: the shape as the whole message', each((x) => readPastedTable(`${x}\t${x}`)), BOUND_MS);
    it('readTable: as a CSV file', async () => {
      for (const x of Object.values(shapes)) await readTable(new TextEncoder().encode(`三级指标,年度指标值,分值\n培训,"${x.replace(/"/g, '""')}",10\n`), 'a.csv');
    }, BOUND_MS);
    it('readTable: as a JSON file and as a file name', async () => {
      for (const x of Object.values(shapes)) await readTable(new TextEncoder().encode(JSON.stringify({ project: { name: x } })), `${x}.json`);
    }, BOUND_MS);
    it('readSheet without the fence: the shape in every cell the labels are read from', each((x) =>
      readSheet({ rows: [['项目名称', x], ['全年预算数', x], ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '实际完成值'], [x, x, x, x, x, x]] }, { fileName: x }),
    ), BOUND_MS);
    it('parseDelimited, sniffDelimiter, label, fenceGrid', each((x) => {
      fenceGrid(parseDelimited(x, sniffDelimiter(x)), DEFAULT_FILE_LIMITS);
      label(x);
    }), BOUND_MS);
    it('the worksheet scanner: the shape as XML text, as a tag, an attribute and a cell reference', each((x) => {
      scanSheet(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${x}</t></is></c></row></sheetData></worksheet>`, DEFAULT_FILE_LIMITS);
      scanTags(x, () => undefined);
      scanTags(`<c r="${x.replace(/"/g, '')}"/>`, (tag) => void attribute(x, tag, 'r'));
      decodeEntities(x);
      parseRef(x);
    }), BOUND_MS);
  });

  describe('target and value parsers (src/domain/scoring), used by the import and the entry cards', () => {
    it('parseTarget', each((x) => parseTarget(x)), BOUND_MS);
    it('parseActual against a numeric and a qualitative target', each((x) => {
      parseActual(x, numeric);
      parseActual(x, qualitative);
    }), BOUND_MS);
    it('readNumber and normalize', each((x) => {
      readNumber(x);
      normalize(x);
    }), BOUND_MS);
  });

  describe('chat command parsing', () => {
    const COMMANDS = commandTable(FEATURES);
    it('findCommand, looksLikePastedTable', each((x) => {
      findCommand(COMMANDS, x, 'group');
      findCommand(COMMANDS, `请假至${x}`, 'p2p');
      looksLikePastedTable(x);
      stripMentions(x);
    }), BOUND_MS);
    it('请假至 dates and 提醒设置 arguments', each((x) => {
      parseLooseDate(x, '2026-09-01');
      parseLadderPatch(x);
    }), BOUND_MS);
  });
});
