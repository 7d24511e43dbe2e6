import type { CriterionInput } from './evaluation';
import { FRAMEWORK_2013 } from './framework-2013';
import type { FormulaId } from './formulas';
import { nameKey } from './names';
import type { Rule } from './rule';
import type { Template, TemplateNode } from './template';
import { frameworkIndicator, judgedStandard } from './templates';

/**
 * How a 三级指标 of an evaluation is scored. The row itself decides first (`formula`, `judged`, `rule`), then the
 * template the evaluation names, then the national framework by the indicator's name — so a 2019 report that lists
 * `在职人员控制率` gets the framework's formula without saying so.
 */
export type LeafSpec =
  | { kind: 'formula'; formula: FormulaId; rule: Rule; definition: string | null }
  | { kind: 'judged'; standard: string | null; definition: string | null };

interface Found {
  node: TemplateNode;
  /** Set when the node is an `open` group the unit fills with its own items. */
  open: boolean;
}

/** The template node for a row, matched by name under the same parent when the name occurs twice. */
function findInTemplate(template: Template | undefined, path: string[]): Found | undefined {
  if (!template) return undefined;
  const name = nameKey(path[path.length - 1]!);
  const parent = path.length > 1 ? nameKey(path[path.length - 2]!) : null;
  const hits: Array<{ node: TemplateNode; parent: string | null; open: boolean }> = [];
  const walk = (node: TemplateNode, up: TemplateNode | null) => {
    if (node.children) for (const c of node.children) walk(c, node);
    else if (nameKey(node.name) === name) hits.push({ node, parent: up ? nameKey(up.name) : null, open: false });
    else if (node.open && parent === nameKey(node.name)) hits.push({ node, parent: up ? nameKey(up.name) : null, open: true });
  };
  for (const l of template.levels) walk(l, null);
  const exact = hits.find((h) => !h.open && h.parent === parent) ?? hits.find((h) => !h.open) ?? hits[0];
  return exact && { node: exact.node, open: exact.open };
}

function frameworkRule(formula: FormulaId): Rule | undefined {
  return FRAMEWORK_2013.find((f) => f.formula === formula)?.rule;
}

export function resolveLeaf(row: CriterionInput, path: string[], weight: number, template: Template | undefined): LeafSpec {
  const found = findInTemplate(template, path);
  const fromTemplate = found && !found.open ? found.node : undefined;
  const framework = frameworkIndicator(row.name, path[path.length - 2]);
  const definition = fromTemplate?.definition ?? framework?.definition ?? null;

  const judged = (): LeafSpec => {
    const own = row.standard?.trim();
    const fromFramework = framework && !framework.formula ? judgedStandard(framework.points, weight) : null;
    return { kind: 'judged', definition, standard: own || fromFramework || fromTemplate?.standard || found?.node.standard || null };
  };
  if (row.judged || row.formula === null) return judged();

  const formula = row.formula ?? fromTemplate?.formula ?? (fromTemplate ? undefined : framework?.formula);
  if (!formula) return judged();
  const rule = row.rule ?? (fromTemplate?.formula === formula ? fromTemplate.rule : undefined) ?? frameworkRule(formula);
  if (!rule) return judged();
  return { kind: 'formula', formula, rule, definition };
}
