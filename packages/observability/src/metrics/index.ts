export { Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
export * from './bounded-label';
export * from './metrics-server';
export * from './registry';
export * from './request-metrics';
export * from './settings';
