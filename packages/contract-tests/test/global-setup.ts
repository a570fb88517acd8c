import { startMock } from "@easemob-openapi/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mockOrigin: string;
  }
}

/** One mock for the whole run: Prism starts in about a second, the cases take milliseconds. */
export default async function setup(project: TestProject) {
  const mock = await startMock();
  project.provide("mockOrigin", mock.url);
  return () => mock.close();
}
