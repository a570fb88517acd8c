export { startEmulator, createEmulator, type EmulatorOptions, type EmulatorServer } from './server.js';
export { Emulator, EXAMPLE_HEADER } from './emulator.js';
export type { Credentials } from './auth.js';
export type { FaultConfig, FaultRule } from './faults.js';
export type { Snapshot, AppSnapshot, GroupSnapshot, ChatroomSnapshot, ThreadSnapshot, UserSnapshot } from './state/snapshot.js';
export { DEFAULT_SPEC, CONTROL_PLANE_SPEC } from './default-spec.js';
