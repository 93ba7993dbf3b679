import { fillWithDefaultSettings, getQueryPlan, normalizeMangoQuery } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { requestSchema } from './schema';

describe('the requests schema', () => {
  it('answers a query by status from its status index, not from every card on the device', () => {
    const schema = fillWithDefaultSettings(requestSchema);
    const plan = getQueryPlan(schema, normalizeMangoQuery(schema, { selector: { status: 'searching' } }));
    expect(plan.index).toEqual(['_deleted', 'status', 'id']);
    // The range: that status alone (whatever the deletion flag and the id).
    expect(plan.startKeys[1]).toBe('searching');
    expect(plan.endKeys[1]).toBe('searching');
  });
});
