import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { COMMAND_NAMES, EVENT_NAMES } from './contract-names';

// The type NamesMatchContract already fails the build on a mismatch; this says which name, at run time.
describe('the contract names the bridge loads without the schemas', () => {
  it('are exactly the contract’s commands, each once', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(contract.commands).sort());
  });

  it('are exactly the contract’s events, each once', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(contract.events).sort());
  });
});
