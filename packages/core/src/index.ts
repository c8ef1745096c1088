export * from './config';
export * from './error-masking';
export * from './errors';
export * from './internal-token';
export * from './listen';
export * from './logger';
export * from './principal';
export * from './services';
