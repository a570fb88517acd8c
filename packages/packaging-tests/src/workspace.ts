import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { run } from "./run.js";

export const WORKSPACE = fileURLToPath(new URL("../../../", import.meta.url));

/** The packages a user installs from npm, by folder. */
export const PUBLISHED = {
  "@easemob-openapi/spec": "spec",
  "@easemob-openapi/client": "packages/client",
  "@easemob-openapi/mock": "apps/mock",
  "@easemob-openapi/emulator": "apps/emulator",
} as const;

export type PublishedName = keyof typeof PUBLISHED;

/**
 * Packs a published package with pnpm (which turns `workspace:` ranges into versions, as
 * publishing does) into `destination`; returns the tarball's path.
 */
export async function pack(name: PublishedName, destination: string): Promise<string> {
  const before = new Set(await readdir(destination));
  await run("pnpm", ["pack", "--pack-destination", destination], { cwd: `${WORKSPACE}${PUBLISHED[name]}` });
  const added = (await readdir(destination)).filter((file) => !before.has(file) && file.endsWith(".tgz"));
  if (added.length !== 1) throw new Error(`pnpm pack of ${name} wrote ${added.length} tarballs`);
  return `${destination}/${added[0]}`;
}

export async function packAll(destination: string): Promise<Record<PublishedName, string>> {
  const tarballs = {} as Record<PublishedName, string>;
  for (const name of Object.keys(PUBLISHED) as PublishedName[]) tarballs[name] = await pack(name, destination);
  return tarballs;
}
