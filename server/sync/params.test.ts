import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { parseAllDocsBody, parseAllDocsQuery, parseBulkDocsBody, parseChangesQuery } from './params';

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    return (err as HttpError).message;
  }
  throw new Error('expected a refusal');
};

describe('gateway request parsing', () => {
  it('accepts exactly what RxDB’s couchdb plugin sends', () => {
    expect(parseChangesQuery({ style: 'all_docs', feed: 'normal', include_docs: 'true', since: '0', heartbeat: '60000', limit: '200', seq_interval: '200' })).toEqual({
      feed: 'normal',
      since: 0,
      limit: 200,
      heartbeat: true,
    });
    expect(parseChangesQuery({ feed: 'longpoll', since: 'now', heartbeat: 'true' }).heartbeat).toBe(true);
    expect(parseChangesQuery({ feed: 'longpoll', since: 'now', heartbeat: '0' }).heartbeat).toBe(false);
    expect(parseChangesQuery({ feed: 'longpoll', since: 'now', include_docs: 'true', limit: '20' }).since).toBe('now');
    expect(parseChangesQuery({ since: '12-g1AAAABteJzLYWBgYMpgTmHgz8tPSTV0' }).since).toBe('12-g1AAAABteJzLYWBgYMpgTmHgz8tPSTV0');
  });

  it('refuses filters, selectors and other feeds, naming the parameter', () => {
    expect(refused(() => parseChangesQuery({ filter: '_selector' }))).toContain('filter');
    expect(refused(() => parseChangesQuery({ doc_ids: '["a"]' }))).toContain('doc_ids');
    expect(refused(() => parseChangesQuery({ feed: 'continuous' }))).toContain('feed');
    expect(refused(() => parseChangesQuery({ since: '../x' }))).toContain('since');
    expect(refused(() => parseChangesQuery({ since: 'now' }))).toContain('since');
    expect(refused(() => parseChangesQuery({ limit: '100000' }))).toContain('limit');
    expect(refused(() => parseChangesQuery({ since: ['1', '2'] }))).toContain('since');
    expect(refused(() => parseChangesQuery({ feed: 'longpoll', since: 'now', heartbeat: '-1' }))).toContain('heartbeat');
  });

  it('checks _all_docs keys from a body or a query', () => {
    expect(parseAllDocsBody({ keys: ['a'], include_docs: true })).toEqual({ keys: ['a'], includeDocs: true });
    expect(parseAllDocsQuery({ keys: '["a","b"]', include_docs: 'true' })).toEqual({ keys: ['a', 'b'], includeDocs: true });
    expect(refused(() => parseAllDocsQuery({}))).toContain('keys');
    expect(refused(() => parseAllDocsQuery({ keys: '[a' }))).toContain('JSON');
    expect(refused(() => parseAllDocsBody({ keys: [{}] }))).toContain('keys');
    expect(refused(() => parseAllDocsBody(null))).toContain('objet JSON');
  });

  it('checks _bulk_docs bodies', () => {
    expect(parseBulkDocsBody({ docs: [{ _id: 'a' }] })).toEqual([{ _id: 'a' }]);
    expect(refused(() => parseBulkDocsBody({ docs: [{ _id: 1 }] }))).toContain('_id');
    expect(refused(() => parseBulkDocsBody({ docs: [], new_edits: false }))).toContain('new_edits');
    expect(refused(() => parseBulkDocsBody({ docs: Array(501).fill({ _id: 'a' }) }))).toContain('500');
  });
});
