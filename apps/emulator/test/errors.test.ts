// Every documented error of a modelled operation is either produced (and then a scenario below
// produces it, answered as the spec's named example reads) or listed with the reason it is not.
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/resources/index.js';
import { byId, entries, type Entry } from './support/spec.js';
import { loadState, send, useEmulator } from './support/emulator.js';
import { CHATROOM_SCENARIOS } from './scenarios/chatrooms.js';
import { STATE, type Scenarios } from './scenarios/common.js';
import { GROUP_SCENARIOS } from './scenarios/groups.js';
import { MESSAGE_SCENARIOS } from './scenarios/messages.js';
import { THREAD_SCENARIOS } from './scenarios/threads.js';
import { USER_SCENARIOS } from './scenarios/users.js';

const emulator = useEmulator({ maxGroupsPerUser: 2, maxChatroomsPerUser: 1, maxContactsPerUser: 1 });
const withCredentials = useEmulator({ credentials: 'id:secret' });

/** Answered globally by auth and faults, not by a resource: tested in auth and control-plane tests. */
const GLOBAL_STATUSES = new Set(['401', '429', '503']);
const SCENARIOS: Scenarios = { ...GROUP_SCENARIOS, ...CHATROOM_SCENARIOS, ...USER_SCENARIOS, ...THREAD_SCENARIOS, ...MESSAGE_SCENARIOS };

function documentedErrors(entry: Entry): Array<{ status: string; name: string; value: { error: string; error_description: string } }> {
  return Object.entries(entry.operation.responses)
    .filter(([status]) => Number(status) >= 400 && !GLOBAL_STATUSES.has(status))
    .flatMap(([status, response]) =>
      Object.entries(response.content?.['application/json']?.examples ?? {}).map(([name, example]) => ({ status, name, value: example.value as { error: string; error_description: string } })),
    );
}

/** The documented message with its placeholders (XX, sample IDs, sample names) as wildcards. */
function pattern(description: string): RegExp {
  const parts = description.split(/X{2,}|\b\d{10,}\b|\buser\d+(?:, user\d+)*/);
  return new RegExp(`^${parts.map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

const declared = new Map(MODULES.flatMap(module => Object.entries(module.errors ?? {})));
const modelled = entries.filter(entry => MODULES.some(module => entry.operation.operationId in module.handlers));

it('classifies every documented error of every modelled operation', () => {
  const unclassified = modelled.flatMap(entry =>
    documentedErrors(entry)
      .filter(({ name }) => !declared.get(entry.operation.operationId)?.[name])
      .map(({ name }) => `${entry.operation.operationId}#${name}`),
  );
  expect(unclassified).toEqual([]);
  const stale = [...declared].flatMap(([id, errors]) =>
    Object.keys(errors).filter(name => !byId.has(id) || !documentedErrors(byId.get(id)!).some(error => error.name === name)).map(name => `${id}#${name}`),
  );
  expect(stale).toEqual([]);
});

const produced = modelled.flatMap(entry =>
  documentedErrors(entry)
    .filter(({ name }) => typeof declared.get(entry.operation.operationId)?.[name] === 'string')
    .map(error => ({ entry, ...error })),
);

const cases = produced.flatMap(error =>
  // The token endpoint is documented under the org/app prefix only.
  (error.entry.operation.servers ? ['/my-org/my-app'] : ['/my-org/my-app', '/app-id/42']).map(prefix => [`${error.entry.operation.operationId}#${error.name} under ${prefix}`, prefix, error] as const),
);

describe('documented errors from state and validation', () => {
  it.each(cases)('%s is produced as documented', async (_, prefix, error) => {
    const operationId = error.entry.operation.operationId;
    const scenario = SCENARIOS[operationId]?.[error.name];
    expect(scenario, `no scenario for ${operationId}#${error.name}`).toBeDefined();
    const [method, path, body] = scenario!;
    const server = operationId === 'getToken' ? withCredentials() : emulator();
    await loadState(server.url, { [prefix.slice(1)]: STATE });
    const answer = await send(`${server.url}${prefix}${path}`, method, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(Number(error.status));
    expect(answer.body.error).toBe(error.value.error);
    expect(answer.body.error_description).toMatch(pattern(error.value.error_description));
  });
});
