// How samples are generated from an operation's documented request, and what the build adds to the page's spec.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { curlSample, typescriptSample } from '../src/code-samples.js';
import { docTitleLine } from '../src/decorate.js';
import { requestExamples, type DereferencedSpec, type Server } from '../src/request-examples.js';
import { receiverLabel, webhookReceiverSample } from '../src/webhook-samples.js';
import { builtOperations, builtSpec, builtWebhooks } from './built-spec.js';

const run = promisify(execFile);

const orgApp: Server = {
  url: 'https://{host}/{org_name}/{app_name}',
  variables: { host: { default: 'a1.easemob.com' }, org_name: { default: 'org' }, app_name: { default: 'app' } },
};
const appId: Server = { url: 'https://{host}/app-id/{app_id}', variables: { host: { default: 'a1.easemob.com' }, app_id: { default: 'id1' } } };

function specWith(operation: Record<string, unknown>, pathTemplate = '/groups/{group_id}/users/{names}'): DereferencedSpec {
  return { servers: [orgApp, appId], security: [{ appToken: [] }], paths: { [pathTemplate]: { post: { operationId: 'op', ...operation } } } };
}

const parameters = [
  { name: 'group_id', in: 'path', required: true, example: 'g 1' },
  { name: 'names', in: 'path', required: true, examples: { two: { value: ['a', 'b'] } } },
  { name: 'pagesize', in: 'query', example: 10 },
  { name: 'cursor', in: 'query' },
];

/** The arguments a shell passes to curl for a sample, with `curl` replaced by a function that prints them. */
async function curlArguments(source: string): Promise<string[]> {
  const { stdout } = await run('sh', ['-c', `curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${source}`]);
  return stdout.split('\0').slice(0, -1);
}

describe('requestExamples', () => {
  it('takes parameter values from example or the first named example, and skips optional ones without any', () => {
    const [example] = requestExamples(specWith({ parameters }));
    expect(example).toMatchObject({ pathParams: { group_id: 'g 1', names: ['a', 'b'] }, query: { pagesize: 10 } });
  });

  it('refuses a required parameter or a request body without an example', () => {
    expect(() => requestExamples(specWith({ parameters: [{ name: 'group_id', in: 'path', required: true }] }))).toThrow(/group_id has no example/);
    expect(() => requestExamples(specWith({ requestBody: { content: { 'application/json': {} } } }, '/x'))).toThrow(/request body has no/);
  });

  it('marks an operation callable without a token, and takes its own servers', () => {
    const [example] = requestExamples(specWith({ security: [{}, { appToken: [] }], servers: [orgApp] }, '/token'));
    expect(example).toMatchObject({ anonymous: true, servers: [orgApp] });
  });
});

describe('curl samples', () => {
  it('send the method, the URL with lists comma-joined and values encoded, the token and the body, as a shell reads them', async () => {
    const body = { name: "it's \"quoted\" $HOME `x`", usernames: ['a'] };
    const [example] = requestExamples(specWith({ parameters, requestBody: { content: { 'application/json': { examples: { one: { value: body } } } } } }));
    const args = await curlArguments(curlSample(example!, orgApp).source);
    expect(args).toEqual([
      '-X',
      'POST',
      'https://a1.easemob.com/org/app/groups/g%201/users/a,b?pagesize=10',
      '-H',
      'Authorization: Bearer <YourAppToken>',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Accept: application/json',
      '-d',
      JSON.stringify(body, null, 2),
    ]);
    expect((await curlArguments(curlSample(example!, appId).source))[2]).toBe('https://a1.easemob.com/app-id/id1/groups/g%201/users/a,b?pagesize=10');
  });

  it("send the user's token, not the app token, where an operation takes only a user token", async () => {
    const operation = builtOperations.find((op) => op.operationId === 'setUserPushTemplate');
    const curl = operation?.samples.filter((sample) => sample.lang === 'bash') ?? [];
    expect(curl.length).toBeGreaterThan(0);
    for (const sample of curl) {
      const args = await curlArguments(sample.source);
      expect(args).toContain('Authorization: Bearer <YourUserToken>');
      expect(args).not.toContain('Authorization: Bearer <YourAppToken>');
    }
  });

  it('send no Authorization header for an operation callable without a token', async () => {
    const [example] = requestExamples(specWith({ security: [{}] }, '/token'));
    expect(await curlArguments(curlSample(example!, orgApp).source)).not.toContain('Authorization: Bearer <YourAppToken>');
  });
});

describe('TypeScript samples', () => {
  it('call the operation by its operationId with path and query parameters in one object, then the body', async () => {
    const [example] = requestExamples(specWith({ parameters, requestBody: { content: { 'application/json': { example: { usernames: ['a'] } } } } }));
    const { source } = await typescriptSample(example!, orgApp);
    expect(source).toContain('{ host: "a1.easemob.com", orgName: "org", appName: "app" }');
    expect(source).toMatch(/await im\.op\(\s*\{ group_id: "g 1", names: \["a", "b"\], pagesize: 10 \},\s*\{ usernames: \["a"\] \},?\s*\);/);
    expect(source).not.toMatch(/YXA6|secret"/);
  });
});

describe('webhook receiver samples', () => {
  it('answer a pre-send callback with a verdict, and accept an unsigned callback only by name', async () => {
    const preSend = (await webhookReceiverSample({ name: 'preSendMessage', preSend: true, unsigned: false })).source;
    expect(preSend).toMatch(/preSendEndpoint\(receiver,[\s\S]*return preSendReply\.pass\(\);/);
    expect(preSend).not.toContain('acceptUnsigned');
    const unsigned = (await webhookReceiverSample({ name: 'notifyThread', preSend: false, unsigned: true })).source;
    expect(unsigned).toContain('acceptUnsigned: ["notifyThread"]');
    expect(unsigned).toContain('if (callback.event === "notifyThread")');
    expect(unsigned).not.toMatch(/secret: "/);
  });
});

describe('the page spec (dist/openapi.json)', () => {
  it('gives every webhook its vendor title first and a receiver sample', () => {
    const wrong = builtWebhooks.filter((webhook) => !webhook.description.startsWith(docTitleLine(webhook.docTitle)) || webhook.samples.map((s) => s.label).join() !== receiverLabel);
    expect(wrong.map((webhook) => webhook.name)).toEqual([]);
  });

  it('shows each operation its vendor section title first', () => {
    const missing = builtOperations.filter((op) => !op.docTitle || !op.description.startsWith(docTitleLine(op.docTitle)));
    expect(missing.map((op) => op.operationId)).toEqual([]);
  });

  it('gives every operation curl for each URL prefix it is served under, then TypeScript', () => {
    for (const operation of builtOperations) {
      const labels = operation.samples.map((sample) => sample.label);
      const expected = operation.operationId === 'getToken' ? ['curl · org/app', 'TypeScript'] : ['curl · org/app', 'curl · App ID', 'TypeScript'];
      expect(labels, operation.operationId).toEqual(expected);
    }
  });

  it('has the introduction readers need', () => {
    const headings = [...builtSpec.info.description.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    for (const topic of [/URL prefixes/, /token/i, /error/i, /rate limit/i, /batch/i, /pag/i, /TypeScript/, /mock/i]) {
      expect(headings.some((heading) => topic.test(heading ?? '')), `a section about ${topic}`).toBe(true);
    }
  });
});
