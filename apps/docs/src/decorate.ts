// What the docs add to the bundled spec before rendering: the introduction's docs-only sections,
// each operation's vendor section title, and its generated code samples.
import { codeSamplesFor, type CodeSample } from './code-samples.js';
import { httpMethods, requestExamples, type DereferencedSpec, type Server } from './request-examples.js';

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

/**
 * A copy of `bundled` with `introSections` (markdown, each starting with a `##` heading) appended to
 * the introduction, and on every operation its `x-doc-title` shown first in its description and its
 * code samples. Samples are built from `dereferenced`, where examples are resolved. Webhooks get
 * their title line too, and no samples: the server sends them, the reader does not.
 */
export async function decorate(bundled: BundledSpec, dereferenced: DereferencedSpec, introSections: string[]): Promise<BundledSpec> {
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
  for (const webhook of Object.values(spec.webhooks ?? {})) {
    for (const method of httpMethods) {
      const operation = webhook[method] as DocumentedOperation | undefined;
      if (operation) withDocTitle(operation);
    }
  }
  return spec;
}

function withDocTitle(operation: DocumentedOperation): void {
  const docTitle = operation['x-doc-title'];
  if (!docTitle) throw new Error(`${operation.operationId} has no x-doc-title`);
  operation.description = [docTitleLine(docTitle), operation.description ?? ''].filter(Boolean).join('\n\n');
}

/** Redoc shows only the sample languages its config lists: one per distinct label, in order. */
export function sampleLanguages(spec: BundledSpec): { lang: string; label: string }[] {
  const byLabel = new Map<string, { lang: string; label: string }>();
  for (const pathItem of Object.values(spec.paths)) {
    for (const method of httpMethods) {
      for (const { lang, label } of (pathItem[method] as DocumentedOperation | undefined)?.['x-codeSamples'] ?? []) {
        if (!byLabel.has(label)) byLabel.set(label, { lang, label });
      }
    }
  }
  return [...byLabel.values()];
}
