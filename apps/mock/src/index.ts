export { startMock, DEFAULT_SPEC, type MockOptions, type MockServer, type PrismExit } from './server.js';
export { mockSpec, PREFIXES, type OpenApiDocument } from './mock-spec.js';
