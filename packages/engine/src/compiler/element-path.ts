/** A target element path: FHIR element names joined by dots, no indices (`name.given`, `code.coding`). */
export const ELEMENT_PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

export const isElementPath = (path: string): boolean => ELEMENT_PATH.test(path);

/** `name[0].given[1]` -> `name.given` */
export const stripIndices = (path: string): string => path.replace(/\[\d+\]/g, '');
