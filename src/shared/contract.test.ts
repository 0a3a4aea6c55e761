import { describe, expect, expectTypeOf, it } from 'vitest';
import { assertImplementsContract } from '../../test/helpers/contract';
import {
  type BridgeTransport,
  COMMAND_NAMES,
  type CommandName,
  type CoreHandlers,
  contract,
  createBridge,
  type Envelope,
  EVENT_NAMES,
  type EventName,
  eventKey,
  type LullApi,
  LullError,
  methodPath,
} from './contract';
import type { FocusSetInput, FocusStatus } from './focus-schemas';
import { defaultSettings } from './settings-schema';

const NAME = /^[a-z]+:[a-z]+(-[a-z]+)*$/;

function fakeTransport(answer: (command: CommandName, payload: unknown) => Envelope<unknown>) {
  const calls: [CommandName, unknown][] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    async invoke(command, payload) {
      calls.push([command, payload]);
      return answer(command, payload);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { transport, calls, emit };
}

const lookup = (api: unknown, command: CommandName) => {
  const [domain, method] = methodPath(command);
  return (api as Record<string, Record<string, unknown>>)[domain]?.[method];
};

describe('contract names', () => {
  it.each(COMMAND_NAMES)('command %s is domain:verb-noun', (name) => expect(name).toMatch(NAME));
  it.each(EVENT_NAMES)('event %s is domain:name', (name) => expect(name).toMatch(NAME));

  it('maps names to paths and keys', () => {
    expect(methodPath('app:get-info')).toEqual(['app', 'getInfo']);
    expect(methodPath('focus:set')).toEqual(['focus', 'set']);
    expect(eventKey('focus:changed')).toBe('onFocusChanged');
    expect(eventKey('journal:appended')).toBe('onJournalAppended');
  });

  it('no two commands share a method path, and no event key collides with a domain', () => {
    const paths = COMMAND_NAMES.map((c) => methodPath(c).join('.'));
    expect(new Set(paths).size).toBe(paths.length);
    const domains = new Set(COMMAND_NAMES.map((c) => methodPath(c)[0]));
    for (const event of EVENT_NAMES) expect(domains.has(eventKey(event))).toBe(false);
  });

  it('every command declares input and output schemas', () => {
    for (const name of COMMAND_NAMES) {
      expect(typeof contract.commands[name].input.safeParse).toBe('function');
      expect(typeof contract.commands[name].output.safeParse).toBe('function');
    }
  });
});

describe('createBridge', () => {
  it('has a function for every command at api[domain][method] that invokes that command', async () => {
    const { transport, calls } = fakeTransport((command) => ({ ok: true, value: `answer to ${command}` }));
    const api = createBridge(transport);
    for (const command of COMMAND_NAMES) {
      const method = lookup(api, command);
      expect(typeof method, command).toBe('function');
      await expect((method as (p: unknown) => Promise<unknown>)({ probe: command })).resolves.toBe(
        `answer to ${command}`,
      );
    }
    expect(calls).toEqual(COMMAND_NAMES.map((c) => [c, { probe: c }]));
  });

  it('turns an error envelope into a LullError carrying its code', async () => {
    const { transport } = fakeTransport(() => ({
      ok: false,
      error: { code: 'not-ready', message: 'later' },
    }));
    const api = createBridge(transport);
    const failure = await api.app.getInfo().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LullError);
    expect(failure).toMatchObject({ code: 'not-ready', message: 'later' });
  });

  it('has an on… for every event that delivers payloads and returns its unsubscribe', () => {
    const { transport, emit } = fakeTransport(() => ({ ok: true, value: null }));
    const api = createBridge(transport) as unknown as Record<string, (l: (p: unknown) => void) => () => void>;
    for (const event of EVENT_NAMES) {
      const subscribe = api[eventKey(event)];
      expect(typeof subscribe, event).toBe('function');
      const heard: unknown[] = [];
      const unsubscribe = subscribe!((payload) => heard.push(payload));
      emit(event, 1);
      unsubscribe();
      emit(event, 2);
      expect(heard).toEqual([1]);
    }
  });
});

describe('assertImplementsContract', () => {
  const full = () => createBridge(fakeTransport(() => ({ ok: true, value: null })).transport);

  it('accepts a full bridge', () => {
    expect(() => assertImplementsContract(full())).not.toThrow();
  });

  it('names the missing method when one is absent', () => {
    const api = full() as unknown as Record<string, Record<string, unknown>>;
    const { set: _removed, ...focusWithoutSet } = api.focus!;
    const broken = { ...api, focus: focusWithoutSet };
    expect(() => assertImplementsContract(broken)).toThrow(/focus\.set \(focus:set\)/);
  });

  it('names every gap at once, events included, and rejects non-functions', () => {
    const api = full() as unknown as Record<string, unknown>;
    const { onJournalAppended: _gone, ...rest } = api;
    const broken = { ...rest, journal: { pull: async () => null, ack: 'not a function' } };
    let message = '';
    try {
      assertImplementsContract(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('journal.ack (journal:ack)');
    expect(message).toContain('onJournalAppended (journal:appended)');
    expect(message).not.toContain('journal.pull');
  });

  it('rejects nothing at all', () => {
    expect(() => assertImplementsContract(undefined)).toThrow(/app\.getInfo/);
  });
});

describe('types derived from the contract', () => {
  it('CoreHandlers requires a handler for every command', () => {
    const sourceStatus = (id: string) => ({
      id,
      state: 'ok' as const,
      lastSuccessAt: null,
      lastError: null,
      nextPollAt: null,
      watching: false,
    });
    const status: FocusStatus = {
      active: false,
      cause: null,
      ruleName: null,
      since: null,
      until: null,
      nextChangeAt: null,
      skipping: false,
      nextBlock: null,
    };
    const complete: CoreHandlers = {
      'app:get-info': async () => ({
        version: '1',
        apiUrl: 'http://127.0.0.1:1',
        token: 't',
        host: 'browser',
        shortcut: null,
      }),
      'app:rotate-token': async () => ({
        version: '1',
        apiUrl: 'http://127.0.0.1:1',
        token: 'u',
        host: 'browser',
        shortcut: null,
      }),
      'focus:get-status': async () => status,
      'focus:set': async () => status,
      'journal:pull': async () => ({ entries: [], lastSeq: 0 }),
      'journal:ack': async ({ seq }) => ({ ackedSeq: seq }),
      'inbox:snapshot': async () => ({ seq: 0, items: [], nextAfterId: null }),
      'settings:get': async () => defaultSettings(),
      'settings:save-focus-rules': async ({ rules }) => rules,
      'settings:save-charter': async ({ charter }) => ({ charter, recomputed: 0 }),
      'settings:save-working-time': async () => ({ recomputed: 0 }),
      'settings:save-delivery': async ({ delivery }) => delivery,
      'settings:check-charter': async () => [],
      'backup:respond': async () => ({ accepted: false }),
      'settings:restore': async () => ({ version: 4 }),
      'digest:peek': async () => ({ heldCount: 0, nextReleaseAt: null, items: [] }),
      'digest:release': async () => null,
      'inbox:set-state': async ({ ids }) => ({ updated: ids.length }),
      'inbox:set-deadline': async ({ deadline }) => ({ deadline: deadline ?? 0 }),
      'app:open-external': async () => ({ opened: false }),
      'sources:list': async () => [],
      'sources:save': async () => {
        throw new Error('not in this test');
      },
      'sources:remove': async () => ({ removed: false }),
      'sources:check-now': async ({ id }) => sourceStatus(id),
      'sources:set-paused': async ({ id }) => sourceStatus(id),
    };
    // @ts-expect-error 'journal:ack' is missing
    const missing: CoreHandlers = {
      'app:get-info': complete['app:get-info'],
      'app:rotate-token': complete['app:rotate-token'],
      'focus:get-status': complete['focus:get-status'],
      'focus:set': complete['focus:set'],
      'journal:pull': complete['journal:pull'],
      'settings:get': complete['settings:get'],
      'settings:save-focus-rules': complete['settings:save-focus-rules'],
      'settings:save-charter': complete['settings:save-charter'],
      'settings:save-working-time': complete['settings:save-working-time'],
      'settings:save-delivery': complete['settings:save-delivery'],
      'settings:check-charter': complete['settings:check-charter'],
      'backup:respond': complete['backup:respond'],
      'settings:restore': complete['settings:restore'],
      'digest:peek': complete['digest:peek'],
      'digest:release': complete['digest:release'],
      'inbox:set-state': complete['inbox:set-state'],
    };
    const wrongOutput: CoreHandlers = {
      ...complete,
      // @ts-expect-error a handler must resolve to the command's output
      'focus:get-status': async () => ({ active: 'yes' }),
    };
    expect([complete, missing, wrongOutput]).toHaveLength(3);
  });

  it('LullApi groups commands by domain and types their inputs', () => {
    expectTypeOf<LullApi['focus']['set']>().parameter(0).toEqualTypeOf<FocusSetInput>();
    expectTypeOf<{ active: true; minutes: 25 }>().toExtend<Parameters<LullApi['focus']['set']>[0]>();
    expectTypeOf<{ active: true; until: 'block-end' }>().toExtend<Parameters<LullApi['focus']['set']>[0]>();
    expectTypeOf<LullApi['app']['getInfo']>().parameters.toEqualTypeOf<[]>();
    expectTypeOf<ReturnType<LullApi['onFocusChanged']>>().toEqualTypeOf<() => void>();
    // @ts-expect-error commands live under their domain, not at the root
    expectTypeOf<LullApi['set']>().toBeFunction();
  });
});
