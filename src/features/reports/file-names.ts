import type { EvaluationInput } from '../../domain/evaluation';
import { projectYear } from './model';

/** 「2019年度防范和处置非法集资专项业务经费-绩效自评表.xlsx」: names that sort by year and survive any file system. */
export function reportFileNames(input: EvaluationInput): { xlsx: string; docx: string } {
  const year = projectYear(input);
  const base = `${year ? `${year}年度` : ''}${input.project.name}`.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 80);
  return { xlsx: `${base}-绩效自评表.xlsx`, docx: `${base}-绩效自评报告.docx` };
}
