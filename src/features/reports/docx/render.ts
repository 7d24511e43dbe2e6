import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { cleanText } from '../text';
import type { ReportBlock } from './blocks';

/**
 * Renders blocks in the usual 公文 look (GB/T 9704): 方正小标宋 centred title, 黑体 level-1, 楷体 level-2 and
 * bold 仿宋 level-3 headings, 仿宋 body with two-character first-line indent, 三号/16 pt text at a fixed 28 pt
 * line, page numbers “— N —” in 四号 宋体. Fonts fall back to what the reader has (LibreOffice maps them to any
 * installed CJK font). Headings keep with the paragraph after them, so none is stranded at a page foot.
 */
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const SUBHEADING_FONT = { ascii: 'Times New Roman', eastAsia: '楷体_GB2312', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const PAGE_NUMBER_FONT = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体' };
const SIZE = 32; // half-points: 16 pt, 三号
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt fixed line pitch
const INDENT = { firstLine: 640 }; // two characters at 16 pt, in twips
const TEXT_WIDTH = 11906 - 1588 - 1474; // A4 width less the left and right margins, in twips

export function renderDocument(blocks: readonly ReportBlock[], title: string, creator: string): Document {
  return new Document({
    creator,
    title: cleanText(title),
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE } } } },
    sections: [
      {
        // A4 portrait; margins 37/35/28/26 mm (top/bottom/left/right) in twips
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

/** “— 1 —”, centred: the 公文 page number. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 28, font: PAGE_NUMBER_FONT, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function run(text: string, opts: { font?: typeof BODY_FONT; size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text: cleanText(text).replace(/\s*\n\s*/g, ''), ...opts });
}

function renderBlock(block: ReportBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { after: 200 },
          children: [run(block.text, { font: TITLE_FONT, size: 44 })],
        }),
      ];
    case 'mark':
      return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: LINE, children: [run(block.text, { font: HEADING_FONT, size: SIZE })] })];
    case 'heading': {
      const font = block.level === 1 ? HEADING_FONT : block.level === 2 ? SUBHEADING_FONT : BODY_FONT;
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          keepNext: true,
          keepLines: true,
          children: [run(block.text, { font, size: SIZE, bold: block.level === 3 })],
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          indent: INDENT,
          spacing: LINE,
          alignment: AlignmentType.JUSTIFIED,
          ...(block.keepNext ? { keepNext: true } : {}),
          children: [run(block.text)],
        }),
      ];
    case 'table':
      return [renderTable(block.header, block.rows, block.widths), new Paragraph({ children: [] })];
    case 'signature':
      return [
        new Paragraph({ children: [] }),
        ...block.lines.map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, keepNext: true, children: [run(line)] })),
      ];
  }
}

function renderTable(header: string[], rows: string[][], widths?: number[]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            verticalAlign: VerticalAlign.CENTER,
            ...(widths?.[i] ? { width: { size: widths[i]!, type: WidthType.PERCENTAGE } } : {}),
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold, size: 24 })] })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // the grid LibreOffice and WPS lay out by: the text width (A4 less the 28 + 26 mm margins) shared as asked
    ...(widths ? { columnWidths: widths.map((w) => Math.round((TEXT_WIDTH * w) / 100)) } : {}),
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}
