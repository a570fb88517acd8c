// Server-side rendering with Redoc 2: the page's HTML already holds every operation, so a reader sees
// them before any script runs; redoc.standalone.js then hydrates the page from the serialized store.
// The styled-components and React here are the versions that bundle was built with (see the README),
// so the class names and markup it expects on hydration are the ones rendered here.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import redoc from 'redoc';
import styledComponents from 'styled-components';

import type { AreaSpec } from './areas.js';

const { Redoc, createStore } = redoc;
const { ServerStyleSheet } = styledComponents;

/** The fixed header's height: Redoc offsets its sticky sidebar and its scrolling by it. */
export const headerHeight = 48;

export const redocOptions = {
  // The site has its own search over every area; Redoc's would index one page only.
  disableSearch: true,
  hideDownloadButton: true,
  nativeScrollbars: true,
  hideLoading: true,
  showWebhookVerb: true,
  scrollYOffset: headerHeight,
  // After the generated samples (curl, curl, TypeScript), the payload: a webhook shows its receiver first.
  payloadSampleIdx: 3,
};

/** An operation or webhook as the page shows it, with the element id Redoc gives its section. */
export interface RenderedEntry {
  /** Redoc's section id, e.g. `tag/Group-members/operation/addGroupMember`: also the link's hash. */
  id: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  webhook: boolean;
}

export interface RenderedSpec {
  html: string;
  /** The `<style>` tags of what `html` uses. */
  styles: string;
  /** The store as the standalone bundle's `Redoc.hydrate` reads it. */
  state: unknown;
  entries: RenderedEntry[];
}

interface MenuItem {
  id: string;
  type: string;
  name: string;
  operationId?: string;
  httpVerb?: string;
  path?: string;
  isWebhook?: boolean;
  parent?: MenuItem;
}

export async function renderSpec(spec: AreaSpec): Promise<RenderedSpec> {
  const store = await createStore(spec, undefined, redocOptions);
  const sheet = new ServerStyleSheet();
  try {
    const html = renderToString(sheet.collectStyles(createElement(Redoc, { store })));
    const entries = (store.menu.flatItems as unknown as MenuItem[])
      .filter((item) => item.type === 'operation')
      .map((item) => ({
        id: item.id,
        operationId: item.operationId ?? '',
        method: item.httpVerb ?? '',
        path: item.path ?? '',
        summary: item.name,
        tag: item.parent?.name ?? '',
        webhook: item.isWebhook === true,
      }));
    return { html, styles: sheet.getStyleTags(), state: await store.toJS(), entries };
  } finally {
    sheet.seal();
  }
}
