// The site's search, on the index the build shipped: every operation and webhook of the bundled spec
// is found by its Chinese section title, its operationId, its English summary and its path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { assetFiles, searchIndexOfScript } from '../src/page.js';
import { distDir } from '../src/paths.js';
import { loadSearchIndex, tokenize } from '../src/search.js';
import { operations } from './spec-operations.js';

const searcher = loadSearchIndex(searchIndexOfScript(readFileSync(join(distDir, assetFiles.searchIndex), 'utf8')));
const found = (query: string) => searcher.search(query).map((hit) => hit.operationId);
/** How many operations share a value: all of them rank alike for it, so the one looked for may be any of them. */
const sharing = (value: (op: (typeof operations)[number]) => string, of: (typeof operations)[number]) =>
  operations.filter((op) => value(op) === value(of)).length;

describe('tokenize', () => {
  it('splits Chinese into characters and overlapping pairs, and Latin words into their camelCase and snake_case parts', () => {
    expect(tokenize('添加成员')).toEqual(['添', '加', '成', '员', '添加', '加成', '成员']);
    expect(tokenize('listGroupMembers /chatgroups/{group_id}')).toEqual(['listgroupmembers', 'list', 'group', 'members', 'chatgroups', 'group_id', 'group', 'id']);
  });
});

describe('the search index', () => {
  it('holds every operation and webhook of the bundled spec, each once', () => {
    const ids = operations.map((op) => op.operationId);
    const hits = new Set(ids.flatMap((id) => found(id).filter((hit) => hit === id)));
    expect([...hits].sort()).toEqual([...ids].sort());
  });

  it('ranks an operation first by its Chinese title (among those sharing it)', () => {
    const missed = operations.filter((op) => !found(op.docTitle).slice(0, sharing((o) => o.docTitle, op)).includes(op.operationId));
    expect(missed.map((op) => `${op.operationId} (${op.docTitle}): ${found(op.docTitle).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('ranks an operation first by its operationId, and by its English summary', () => {
    expect(operations.filter((op) => found(op.operationId)[0] !== op.operationId).map((op) => op.operationId)).toEqual([]);
    const missed = operations.filter((op) => !found(op.summary).slice(0, sharing((o) => o.summary, op)).includes(op.operationId));
    expect(missed.map((op) => `${op.operationId} (${op.summary}): ${found(op.summary).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('finds an operation by its path, among the methods of that path', () => {
    const missed = operations.filter((op) => !found(op.path).slice(0, sharing((o) => o.path, op)).includes(op.operationId));
    expect(missed.map((op) => `${op.operationId} (${op.path}): ${found(op.path).slice(0, 4).join(', ')}`)).toEqual([]);
  });

  it('finds every operation from part of its title or summary, and tolerates a typo in a long word', () => {
    for (const [part, field] of [['群组成员', 'docTitle'], ['禁言', 'docTitle'], ['blocklist', 'summary']] as const) {
      const holding = operations.filter((op) => op[field].toLowerCase().includes(part)).map((op) => op.operationId);
      expect(holding.length, part).toBeGreaterThan(1);
      expect(found(part), part).toEqual(expect.arrayContaining(holding));
    }
    expect(found('listGroupMembrs')).toContain('listGroupMembers');
  });
});
