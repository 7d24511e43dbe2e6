import { attribute, scanTags } from './xml-tags';

/**
 * The name people see on each worksheet's tab, keyed by its part (`xl/worksheets/sheet1.xml` → `指标表`), from
 * `xl/workbook.xml` (`<sheet name r:id>`) and its relationships (`r:id` → target), so a refusal can say which
 * sheet it means. Parts the workbook does not name are left out (the caller falls back to the part name).
 */
export function sheetNames(workbookXml: string | null, relsXml: string | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!workbookXml || !relsXml) return names;
  const targets = new Map<string, string>();
  scanTags(relsXml, (tag) => {
    if (tag.name !== 'Relationship' || tag.kind === 'close') return;
    const id = attribute(relsXml, tag, 'Id');
    const target = attribute(relsXml, tag, 'Target');
    if (id && target) targets.set(id, partPath(target));
  });
  scanTags(workbookXml, (tag) => {
    if (tag.name !== 'sheet' || tag.kind === 'close') return;
    const name = attribute(workbookXml, tag, 'name');
    const id = attribute(workbookXml, tag, 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, name);
  });
  return names;
}

/** A relationship target of xl/workbook.xml as a part name: `worksheets/sheet1.xml` or `/xl/worksheets/sheet1.xml`. */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
