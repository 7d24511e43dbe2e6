import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * PDF from a .docx or .xlsx through LibreOffice (`soffice --headless --convert-to pdf`): what the 预算管理一体化
 * system wants uploaded. Node only — it spawns a program — so it lives here, not in src/reports (which also runs in
 * the Worker, where no LibreOffice exists). Each conversion gets a private LibreOffice profile, so a LibreOffice
 * the user has open, or a second conversion running at the same time, cannot take the job over or lock it.
 */
export class PdfUnavailableError extends Error {}

/** How to get LibreOffice, in Chinese, with the commands for the common systems. */
export const INSTALL_LIBREOFFICE =
  '未找到 LibreOffice（soffice），无法生成 PDF。请先安装：\n' +
  '  Debian/Ubuntu：sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-wqy-zenhei\n' +
  '  macOS：brew install --cask libreoffice\n' +
  '  Windows：从 https://zh-cn.libreoffice.org/download/ 下载安装\n' +
  '安装后重新运行；若 soffice 不在 PATH 中，可用环境变量 JIXIAO_SOFFICE 指定其路径。\n' +
  '也可以用 WPS 或 Word 打开 .docx / .xlsx，另存为 PDF。';

const CANDIDATES = ['soffice', 'libreoffice'];
const MAC_PATH = '/Applications/LibreOffice.app/Contents/MacOS/soffice';

/** The soffice binary: `explicit` (e.g. JIXIAO_SOFFICE), else the first on PATH, else the macOS app; null if none. */
export async function findSoffice(explicit?: string, path = process.env.PATH ?? ''): Promise<string | null> {
  const executable = async (file: string) =>
    access(file, constants.X_OK).then(
      () => true,
      () => false,
    );
  if (explicit) return (await executable(explicit)) ? explicit : null;
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of CANDIDATES) if (await executable(join(dir, name))) return join(dir, name);
  }
  return (await executable(MAC_PATH)) ? MAC_PATH : null;
}

export interface PdfOptions {
  soffice?: string | null;
  /** Milliseconds before the conversion is abandoned (a first start of LibreOffice takes a few seconds). */
  timeoutMs?: number;
}

/** Converts one document (named for its extension: .docx or .xlsx) to PDF bytes. */
export async function convertToPdf(name: string, bytes: Uint8Array, opts: PdfOptions = {}): Promise<Uint8Array> {
  const soffice = opts.soffice === undefined ? await findSoffice(process.env.JIXIAO_SOFFICE) : opts.soffice;
  if (!soffice) throw new PdfUnavailableError(INSTALL_LIBREOFFICE);
  const ext = extname(name).toLowerCase();
  if (ext !== '.docx' && ext !== '.xlsx') throw new RangeError(`只能把 .docx 或 .xlsx 转为 PDF（收到 ${name}）`);
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pdf-'));
  try {
    // an ASCII name inside the private folder: LibreOffice's command line is happiest without spaces or CJK
    const input = join(dir, `document${ext}`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: opts.timeoutMs ?? 120_000, env: { ...process.env, HOME: dir } },
        (error, _stdout, stderr) => (error ? reject(new Error(`LibreOffice 转换失败：${stderr || error.message}`)) : resolve()),
      );
    });
    const pdf = await readFile(join(dir, 'document.pdf')).catch(() => {
      throw new Error(`LibreOffice 未生成 PDF（${name}）。请用 WPS 或 Word 打开后另存为 PDF。`);
    });
    return new Uint8Array(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `…-绩效自评表.xlsx` → `…-绩效自评表.pdf`. */
export function pdfName(name: string): string {
  return name.replace(/\.(docx|xlsx)$/i, '.pdf');
}
