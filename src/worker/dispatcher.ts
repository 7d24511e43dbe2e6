import { createFeatureDispatcher, type FeatureDeps } from '../features/register';
import type { Dispatcher } from '../transport/dispatcher';
import { workerLater } from './background';

/** The Worker's dispatcher: every feature, with follow-up work kept alive by `waitUntil`. */
export function createWorkerDispatcher(deps: Omit<FeatureDeps, 'later'>): Dispatcher<string> {
  return createFeatureDispatcher({ ...deps, later: workerLater(deps.log) });
}
