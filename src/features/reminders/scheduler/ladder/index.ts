export * from './settings';
export * from './types';
export * from './plan-ladder';
