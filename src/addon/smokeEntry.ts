/**
 * The smoke edition's entry points (`npm run smoke`): the add-on's, with a menu that also runs
 * the smoke. Never in the published add-on, whose entry is ./entry.ts.
 */
export * from './entry';
export { onOpen, runSmoke } from './smoke';
