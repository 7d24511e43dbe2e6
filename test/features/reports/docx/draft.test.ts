import { describe, expect, it } from 'vitest';
import { buildReports } from '../../../../src/features/reports/build-reports';
import { scoreSentence } from '../../../../src/features/reports/docx/sections/conclusion';
import { docxParagraphs, readZipEntry } from '../../../helpers/zip';
import { demoReport, halfFilledReport } from '../../../fixtures';
import { loadWorkbook, renderedCells } from '../../../helpers/xlsx-cells';
import { section } from '../../../helpers/report-text';

describe('an evaluation summarised before it is complete and approved is a draft', () => {
  it('every file name carries 草稿; the report says 未完成（草稿）, what is missing, and gives no grade', async () => {
    const data = halfFilledReport();
    const files = await buildReports(data);
    expect(files.draft).toBe(true);
    expect([files.xlsx.name, files.docx.name, files.explanations.name]).toEqual([
      '2019年度防范和处置非法集资专项业务经费-绩效自评表（草稿）.xlsx',
      '2019年度防范和处置非法集资专项业务经费-绩效自评报告（草稿）.docx',
      '2019年度防范和处置非法集资专项业务经费-评分说明与核查（草稿）.xlsx',
    ]);
    const paragraphs = docxParagraphs(readZipEntry(files.docx.data, 'word/document.xml')).filter(Boolean);
    expect(paragraphs.slice(0, 3)).toEqual([
      '2019年度防范和处置非法集资专项业务经费绩效自评报告',
      '未完成（草稿）',
      '本报告为草稿：全年执行数尚未填报，2项指标的实际完成值尚未填报，填报结果尚未全部审核确认。得分和结论以数据补齐、审核确认后重新生成的报告为准。',
    ]);
    const conclusion = section(paragraphs, '三、', '四、').join('\n');
    expect(conclusion).toContain('评价尚未完成，按现有数据计得50分，暂不评定绩效等级。另有2项指标尚未填报实际完成值，未计入得分。');
    expect(conclusion).not.toContain(scoreSentence(data));
    expect(paragraphs.join('\n')).not.toMatch(/绩效评级为|经审核确认/);
  });

  it('does not claim the budget was fully spent and every indicator met, nor tell anyone what to do', async () => {
    const paragraphs = docxParagraphs(readZipEntry((await buildReports(halfFilledReport())).docx.data, 'word/document.xml'));
    const problems = section(paragraphs, '（二）存在的问题及原因分析', '六、').join('\n');
    const advice = section(paragraphs, '六、', '七、').join('\n');
    for (const t of [problems, advice]) expect(t).not.toMatch(/全部执行|均已达成|均已完成|未发现需要说明的问题|请责任人|尽快补报/);
    expect(problems).toContain('尚未填报完整');
    // 四 does not present the unscored 效益 group as scored 0
    expect(section(paragraphs, '四、', '五、').join('\n')).toContain('效益指标1项，分值30分，实际完成值尚未填报。');
  });

  it('a finished, approved evaluation carries no 草稿 and no 未完成 anywhere', async () => {
    const files = await buildReports(demoReport());
    expect(files.draft).toBe(false);
    for (const f of [files.xlsx, files.docx, files.explanations]) expect(f.name).not.toContain('草稿');
    const text = docxParagraphs(readZipEntry(files.docx.data, 'word/document.xml')).join('\n');
    expect(text).not.toMatch(/草稿|未完成/);
    for (const f of [files.xlsx, files.explanations]) {
      expect(renderedCells(await loadWorkbook(f.data)).map((c) => c.text).join('\n')).not.toMatch(/草稿|未完成/);
    }
  });

  it('complete but not yet approved is still a draft', async () => {
    const data = { ...demoReport(), collection: { respondents: 4, reviewed: false } };
    const files = await buildReports(data);
    expect(files.docx.name).toContain('（草稿）');
    expect(docxParagraphs(readZipEntry(files.docx.data, 'word/document.xml'))).toContain(
      '本报告为草稿：填报结果尚未全部审核确认。得分和结论以数据补齐、审核确认后重新生成的报告为准。',
    );
  });
});
