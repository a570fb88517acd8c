// What a Redoc 2 page shows of each operation and webhook, read in the browser: the browser test
// passes `readSections` to page.evaluate, so it must use nothing from outside its own body.

export interface RenderedTab {
  label: string;
  /** The code block's text, for a code sample. */
  code: string | null;
  text: string;
  /** The example picker's entries, when the panel has several named examples. */
  options: string[];
}

export interface RenderedSection {
  /** From Redoc's section id, `tag/<tag>/operation/<operationId>`. */
  operationId: string;
  heading: string;
  text: string;
  request: RenderedTab[];
  response: RenderedTab[];
}

/**
 * Every operation section of the page, each sample and response tab clicked in turn (a tab's panel
 * is empty until it is picked). Runs in the page, on a hydrated Redoc.
 */
export async function readSections(): Promise<RenderedSection[]> {
  const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));
  async function tabsAfter(section: Element, heading: string): Promise<RenderedTab[]> {
    const title = [...section.querySelectorAll('h3')].find((h3) => h3.textContent?.trim() === heading);
    const tabs = title?.nextElementSibling;
    if (!tabs) return [];
    const read: RenderedTab[] = [];
    for (const tab of tabs.querySelectorAll<HTMLElement>(':scope > ul > [role=tab]')) {
      tab.click();
      await nextFrame();
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      read.push({
        label: tab.textContent?.trim() ?? '',
        code: panel?.querySelector('pre')?.textContent ?? null,
        text: panel?.textContent ?? '',
        options: [...(panel?.querySelectorAll('select[aria-label=Example] option') ?? [])].map((option) => option.textContent ?? ''),
      });
    }
    return read;
  }
  const sections = [...document.querySelectorAll('[data-section-id^="tag/"]')].filter((element) => element.id.includes('/operation/'));
  const read: RenderedSection[] = [];
  for (const section of sections) {
    read.push({
      operationId: section.id.slice(section.id.lastIndexOf('/operation/') + '/operation/'.length),
      heading: section.querySelector('h2')?.textContent ?? '',
      text: section.textContent ?? '',
      request: await tabsAfter(section, 'Request samples'),
      response: await tabsAfter(section, 'Response samples'),
    });
  }
  return read;
}
