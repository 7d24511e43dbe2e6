export * from '../../../../platform/time';
export * from './work-calendar';
export * from './quiet-hours';
