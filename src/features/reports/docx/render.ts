import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportBlock } from './blocks';

/**
 * Renders blocks in the usual 公文 look: 方正小标宋-style centred title, 黑体 level-1 and 楷体 level-2
 * headings, 仿宋 body with two-character first-line indent, 三号/16 pt text. Fonts fall back to what the
 * reader has (LibreOffice maps them to any installed CJK font).
 */
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const SUBHEADING_FONT = { ascii: 'Times New Roman', eastAsia: '楷体_GB2312', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const SIZE = 32; // half-points: 16 pt, 三号
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt fixed line pitch
const INDENT = { firstLine: 640 }; // two characters at 16 pt, in twips

export function renderDocument(blocks: readonly ReportBlock[], title: string, creator: string): Document {
  return new Document({
    creator,
    title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: { default: pageFooter() },
        children: blocks.flatMap(renderBlock),
      },
    ],
  });
}

export async function packDocument(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** 第 N 页，共 M 页, centred: the printed report is handed around as paper. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 21, children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
      }),
    ],
  });
}

function renderBlock(block: ReportBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 400 },
          children: [new TextRun({ text: block.text, font: TITLE_FONT, size: 44 })],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          children: [new TextRun({ text: block.text, font: block.level === 1 ? HEADING_FONT : SUBHEADING_FONT, size: SIZE })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: block.text })] })];
    case 'table':
      return [renderTable(block.header, block.rows), new Paragraph({ children: [] })];
    case 'signature':
      return [
        new Paragraph({ children: [] }),
        ...block.lines.map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: line })] })),
      ];
  }
}

function renderTable(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text) =>
          new TableCell({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 24 })] })],
          }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}
