// Absolute paths of the bundled documents, for tools that take a file name.
import { fileURLToPath } from 'node:url';

export const specFile = fileURLToPath(new URL('./dist/openapi.json', import.meta.url));
export const specYamlFile = fileURLToPath(new URL('./dist/openapi.yaml', import.meta.url));
export const dereferencedSpecFile = fileURLToPath(new URL('./dist/openapi.dereferenced.json', import.meta.url));
