import { describe, expect, it } from 'vitest';
import { sampleMember } from '../../src/domain/members/fixtures';
import { memberSchemaLiteral } from '../../src/domain/members/schema';
import { validateDocUpdateSource } from './validate-doc-update';

// Evaluated here as CouchDB would: the source is a function expression.
const validate = new Function(`return (${validateDocUpdateSource(memberSchemaLiteral)})`)() as (doc: object) => void;
const asStored = ({ id, ...rest }: ReturnType<typeof sampleMember>) => ({ _id: id, ...rest });

describe('validate_doc_update built from the member schema', () => {
  it('accepts a valid stored member and design documents', () => {
    expect(() => validate(asStored(sampleMember()))).not.toThrow();
    expect(() => validate({ _id: '_design/x', anything: 1 })).not.toThrow();
  });

  it('refuses missing required fields, unknown fields, wrong types and enums', () => {
    const { displayName, ...noName } = asStored(sampleMember());
    void displayName;
    expect(() => validate(noName)).toThrow(expect.objectContaining({ forbidden: expect.stringContaining('displayName') }));
    expect(() => validate({ ...asStored(sampleMember()), role: 'admin' })).toThrow(expect.objectContaining({ forbidden: expect.stringContaining('role') }));
    expect(() => validate({ ...asStored(sampleMember()), skills: 'x' })).toThrow(expect.objectContaining({ forbidden: expect.stringContaining('skills') }));
    expect(() => validate({ ...asStored(sampleMember()), kind: 'robot' })).toThrow(expect.objectContaining({ forbidden: expect.stringContaining('kind') }));
  });

  it('refuses a bare tombstone, since deletions keep their body', () => {
    expect(() => validate({ _id: 'm-1', _rev: '1-a', _deleted: true })).toThrow();
    expect(() => validate({ ...asStored(sampleMember()), _deleted: true })).not.toThrow();
  });
});
