import { fileURLToPath } from 'node:url';

// Resolves to the same file from src/ (tests run the sources) and from dist/.
export const DEFAULT_SPEC = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
export const CONTROL_PLANE_SPEC = fileURLToPath(new URL('../control-plane.yaml', import.meta.url));
