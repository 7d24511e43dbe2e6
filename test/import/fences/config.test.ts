import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config';
import { DEFAULT_FILE_LIMITS } from '../../../src/import/fences/limits';

describe('JIXIAO_IMPORT_* configuration', () => {
  it('defaults to the documented limits', () => {
    expect(parseConfig({}).imports).toEqual({ limits: DEFAULT_FILE_LIMITS, timeLimitMs: 8000, memoryLimitMb: 256, workers: 2 });
    expect(DEFAULT_FILE_LIMITS).toMatchObject({ maxFileBytes: 10 * 1024 * 1024, maxRows: 300, maxColumns: 50, maxCellChars: 2000 });
  });

  it('reads every variable, sizes in MB', () => {
    const c = parseConfig({
      JIXIAO_IMPORT_MAX_FILE_MB: '5',
      JIXIAO_IMPORT_MAX_UNZIPPED_MB: '40',
      JIXIAO_IMPORT_MAX_ZIP_PARTS: '200',
      JIXIAO_IMPORT_MAX_SHEET_MB: '8',
      JIXIAO_IMPORT_MAX_SHARED_STRINGS_MB: '4',
      JIXIAO_IMPORT_MAX_ROWS: '500',
      JIXIAO_IMPORT_MAX_COLUMNS: '30',
      JIXIAO_IMPORT_MAX_MERGES: '100',
      JIXIAO_IMPORT_MAX_CELL_CHARS: '4000',
      JIXIAO_IMPORT_TIME_LIMIT_MS: '3000',
      JIXIAO_IMPORT_MEMORY_MB: '128',
      JIXIAO_IMPORT_WORKERS: '1',
    });
    expect(c.imports).toEqual({
      limits: {
        maxFileBytes: 5 * 1024 * 1024,
        maxUnzippedBytes: 40 * 1024 * 1024,
        maxZipEntries: 200,
        maxSheetXmlBytes: 8 * 1024 * 1024,
        maxSharedStringsBytes: 4 * 1024 * 1024,
        maxRows: 500,
        maxColumns: 30,
        maxMerges: 100,
        maxCellChars: 4000,
      },
      timeLimitMs: 3000,
      memoryLimitMb: 128,
      workers: 1,
    });
  });

  it('names the variable of a bad value', () => {
    expect(() => parseConfig({ JIXIAO_IMPORT_MAX_FILE_MB: '0' })).toThrow(ConfigError);
    expect(() => parseConfig({ JIXIAO_IMPORT_MAX_ROWS: 'many' })).toThrow('JIXIAO_IMPORT_MAX_ROWS: must be a whole number from 10 to 10000 (got "many")');
  });
});
