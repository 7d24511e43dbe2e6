export * from './shanghai-time';
export * from './work-calendar';
export * from './quiet-hours';
