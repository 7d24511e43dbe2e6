import { formatBytes } from './limits';

/**
 * Every refusal of a file or a pasted table, worded once. Each names the limit (a number with its unit and
 * 超过 / 上限) and says what to do, in the words of someone who made the table in Excel or WPS.
 */
const KEEP_TABLE = '请只保留指标表部分后重新导入';
const NEW_WORKBOOK = '请把指标表复制到一个新的 Excel 工作簿，保存为 .xlsx 后重新导入';

export const refusals = {
  /** The size is not repeated: a download is cut off past the limit (src/transport/client), so it may not be known. */
  fileTooLarge: (limit: number) => `文件超过 ${formatBytes(limit)} 的上限。${KEEP_TABLE}（删除图片和其他工作表）。`,
  notXlsx: () => '无法打开这个 Excel 文件，文件可能已损坏。请在 Excel 或 WPS 中打开后“另存为 → Excel 工作簿 (.xlsx)”，再重新导入。',
  /** A part that inflates to more than the zip's directory declares: a zip bomb in disguise, or a damaged file. */
  sizeMismatch: (part: string, declared: number) =>
    `无法打开这个 Excel 文件：其中的“${part}”解压后超过了文件目录声明的 ${formatBytes(declared)}，文件已损坏或被改动过。请在 Excel 或 WPS 中打开后“另存为 → Excel 工作簿 (.xlsx)”，再重新导入。`,
  oleFile: () => '这个文件设置了打开密码，或是旧的 .xls 格式，无法读取。请取消密码并“另存为 → Excel 工作簿 (.xlsx)”后重新导入。',
  tooManyParts: (count: number, limit: number) => `这个 Excel 文件内部有 ${count} 个组成部分，超过 ${limit} 个的上限。${NEW_WORKBOOK}。`,
  unzippedTooLarge: (limit: number) => `这个 Excel 文件解压后超过 ${formatBytes(limit)} 的上限（可能含有大量图片、工作表或隐藏的数据）。${NEW_WORKBOOK}。`,
  sharedStringsTooLarge: (limit: number) => `表格里的文字内容超过 ${formatBytes(limit)} 的上限。${KEEP_TABLE}。`,
  sheetTooLarge: (sheet: string, limit: number) => `工作表“${sheet}”的数据超过 ${formatBytes(limit)} 的上限。${KEEP_TABLE}。`,
  tooManyRows: (limit: number, why: string) => `表格超过 ${limit} 行，${KEEP_TABLE}：${why}。`,
  tooManyColumns: (limit: number, why: string) => `表格超过 ${limit} 列，${KEEP_TABLE}：${why}。`,
  valueOutside: (sheet: string, cell: string) => `工作表“${sheet}”的 ${cell} 单元格还有内容，请删除表格下方或右侧多余的内容`,
  tooManyMerges: (sheet: string, limit: number) => `工作表“${sheet}”的合并单元格超过 ${limit} 处的上限。请取消多余的合并后重新导入。`,
  readTimeout: (ms: number) => `读取这张表格超过了 ${ms / 1000} 秒的时间上限，已停止。${KEEP_TABLE}（删除多余的工作表、图片和表格以外的内容）。`,
  readOutOfMemory: (mb: number) => `读取这张表格超过了 ${mb} MB 的内存上限，已停止。${KEEP_TABLE}（删除多余的工作表、图片和表格以外的内容）。`,
  readFailed: () => '读取这张表格时出错了，什么都没有导入。请在 Excel 或 WPS 中“另存为 → Excel 工作簿 (.xlsx)”后重新导入。',
  readersBusy: (queued: number) => `正在读取的表格已有 ${queued} 张在排队，达到上限。请过一分钟再导入。`,
  /** A sheet over a limit in a workbook whose other sheets can be read: `what` is e.g. `超过 300 行（A400 单元格有内容）`. */
  sheetSkipped: (sheet: string, what: string) => `工作表“${sheet}”${what}，已跳过这个工作表；如果指标表在这个工作表里，${KEEP_TABLE}。`,
  cellTooLong: (cell: string, length: number, limit: number) => `${cell} 单元格有 ${length} 个字符，超过 ${limit} 个字符的上限。请精简这个单元格的内容后重新导入。`,
  tooManyIndicators: (count: number, limit: number) => `文件里有 ${count} 项指标，超过 ${limit} 项的上限。请分成几张表分别导入。`,
  fieldTooLong: (where: string, length: number, limit: number) => `${where}有 ${length} 个字符，超过 ${limit} 个字符的上限。请精简后重新导入。`,
};
