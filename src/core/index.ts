/** The core's public face: what both hosts call. Pure: no services, no file system, no clock. */
export * from './model';
export * from './results';
export * from './contract';
