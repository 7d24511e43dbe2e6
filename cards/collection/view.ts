/**
 * Plain view models the cards render. Handlers build them from the collection services; cards never
 * see the database or Lark, which keeps them pure and snapshot-testable.
 */
export type ItemKind = 'budget' | 'quantitative' | 'qualitative';
export type EntryStatus = 'pending' | 'submitted' | 'approved' | 'returned';

export interface ProjectView {
  evaluationId: string;
  name: string;
  department?: string | null;
  implementingUnit?: string | null;
  year?: string | null;
  /** 万元, as written in the table. */
  budgetInitial?: string | null;
  budgetFullYear: string;
  deadline?: string | null;
}

export interface EntryRowView {
  indicatorId: string;
  kind: ItemKind;
  level1: string;
  level2: string;
  name: string;
  target: string;
  weight: number;
  status: EntryStatus;
  actual?: string | null;
  band?: string | null;
  score?: number | null;
  explanation?: string | null;
  deviationReason?: string | null;
  ownerName?: string | null;
}
