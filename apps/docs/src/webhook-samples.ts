// The sample on each webhook: a receiver for that callback with @easemob-openapi/client/webhooks,
// which checks the signature, names the callback and types its body.
import { format } from 'prettier';

import type { CodeSample } from './code-samples.js';

export const receiverLabel = 'TypeScript receiver';
export const webhooksModule = '@easemob-openapi/client/webhooks';
/** The receiver reads the callback rule's secret from this variable, never from the source. */
export const callbackSecretVariable = 'EASEMOB_CALLBACK_SECRET';
/** What the sample exports: a fetch-style handler, which the tests call with a signed callback. */
export const handlerExport = 'handleCallback';

export interface WebhookSampleInput {
  /** The webhook's name in the spec, which is also the `event` the receiver names it by. */
  name: string;
  /** The server reads this callback's answer (the pre-send verdict). */
  preSend: boolean;
  /** Documented without `callId` and `security`: the receiver must be told to accept it unsigned. */
  unsigned: boolean;
}

export async function webhookReceiverSample({ name, preSend, unsigned }: WebhookSampleInput): Promise<CodeSample> {
  const endpoint = preSend ? 'preSendEndpoint' : 'postSendEndpoint';
  const imports = ['createWebhookReceiver', 'fetchHandler', endpoint, ...(preSend ? ['preSendReply'] : [])];
  const options = [
    `secret: process.env.${callbackSecretVariable}!`,
    ...(unsigned ? [`acceptUnsigned: [${JSON.stringify(name)}]`] : []),
  ];
  const handler = preSend
    ? [
        `const endpoint = preSendEndpoint(receiver, (callback) => {`,
        '  console.log(callback.body);',
        '  // Deliver it unchanged; preSendReply.reject(code) blocks it, preSendReply.modify(payload) changes its text.',
        '  return preSendReply.pass();',
        '});',
      ]
    : [
        '// One post-send URL gets every kind of callback: `event` says which, and narrows `body` to its payload.',
        `const endpoint = postSendEndpoint(receiver, (callback) => {`,
        `  if (callback.event === ${JSON.stringify(name)}) console.log(callback.body);`,
        '});',
      ];
  const source = [
    `import { ${imports.join(', ')} } from ${JSON.stringify(webhooksModule)};`,
    '',
    "// The callback rule's secret (console → 消息回调). The receiver checks each callback's signature and time.",
    ...(unsigned ? ['// This callback is documented without a signature: nothing proves it comes from Easemob.'] : []),
    `const receiver = createWebhookReceiver({ ${options.join(', ')} });`,
    '',
    ...handler,
    '',
    '// A fetch-style handler: a Next.js route\'s POST, Bun.serve({ fetch }), Deno.serve(...).',
    '// On node:http or Express, serve nodeHandler(endpoint) or expressHandler(endpoint) instead.',
    `export const ${handlerExport} = fetchHandler(endpoint);`,
  ].join('\n');
  return { lang: 'typescript', label: receiverLabel, source: await format(source, { parser: 'typescript', printWidth: 80 }) };
}
