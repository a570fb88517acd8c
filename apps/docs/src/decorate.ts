// What the docs add to the bundled spec before rendering: the introduction's docs-only sections,
// each operation's vendor section title, and its generated code samples.
import { preSendWebhooks } from '@easemob-openapi/client/webhooks';

import { codeSamplesFor, type CodeSample } from './code-samples.js';
import { httpMethods, requestExamples, type DereferencedSpec, type Server } from './request-examples.js';
import { webhookReceiverSample } from './webhook-samples.js';

export interface BundledSpec {
  info: { title: string; version: string; description?: string };
  servers: Server[];
  paths: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
}

interface DocumentedOperation {
  operationId: string;
  description?: string;
  'x-doc-title'?: string;
  'x-codeSamples'?: CodeSample[];
}

/** The line each operation's description starts with, so readers can find it on the vendor's pages. */
export function docTitleLine(docTitle: string): string {
  return `Vendor docs section (环信文档): **${docTitle}**`;
}

/** The dereferenced spec's webhooks, where their payload examples are resolved. */
type DereferencedWebhooks = Record<string, Record<string, { requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> } }>>;

/**
 * A copy of `bundled` with `introSections` (markdown, each starting with a `##` heading) appended to
 * the introduction, and on every operation its `x-doc-title` shown first in its description and its
 * code samples. Samples are built from `dereferenced`, where examples are resolved. Webhooks get
 * their title line too, and a receiver instead of a request: the server sends them to the reader.
 */
export async function decorate(
  bundled: BundledSpec,
  dereferenced: DereferencedSpec & { webhooks?: DereferencedWebhooks },
  introSections: string[],
): Promise<BundledSpec> {
  const spec = structuredClone(bundled);
  spec.info.description = [spec.info.description?.trimEnd() ?? '', ...introSections.map((section) => section.trim())]
    .filter(Boolean)
    .join('\n\n');
  const examples = new Map(requestExamples(dereferenced).map((example) => [example.operationId, example]));
  for (const pathItem of Object.values(spec.paths)) {
    for (const method of httpMethods) {
      const operation = pathItem[method] as DocumentedOperation | undefined;
      if (!operation) continue;
      const example = examples.get(operation.operationId);
      if (!example) throw new Error(`${operation.operationId} is not in the dereferenced spec: bundle the spec again`);
      withDocTitle(operation);
      operation['x-codeSamples'] = await codeSamplesFor(example);
    }
  }
  for (const [name, webhook] of Object.entries(spec.webhooks ?? {})) {
    for (const method of httpMethods) {
      const operation = webhook[method] as DocumentedOperation | undefined;
      if (!operation) continue;
      withDocTitle(operation);
      const payloads = dereferenced.webhooks?.[name]?.[method]?.requestBody?.content?.['application/json']?.examples ?? {};
      const first = Object.values(payloads)[0]?.value as Record<string, unknown> | undefined;
      if (!first) throw new Error(`webhook ${name} has no payload example`);
      const preSend = (preSendWebhooks as readonly string[]).includes(name);
      operation['x-codeSamples'] = [await webhookReceiverSample({ name, preSend, unsigned: !('security' in first) })];
    }
  }
  return spec;
}

function withDocTitle(operation: DocumentedOperation): void {
  const docTitle = operation['x-doc-title'];
  if (!docTitle) throw new Error(`${operation.operationId} has no x-doc-title`);
  operation.description = [docTitleLine(docTitle), operation.description ?? ''].filter(Boolean).join('\n\n');
}

