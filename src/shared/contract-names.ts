/**
 * The contract's command and event names, without its schemas: the preload bridge needs the names at
 * run time, and importing `contract.ts` for them would bundle zod and luxon into every window (~200 KB
 * for a 24-line bridge). Only types come from the contract, so this file loads nothing else.
 */
import type { contract } from './contract';

export const COMMAND_NAMES = [
  'app:get-info',
  'app:rotate-token',
  'app:open-external',
  'focus:get-status',
  'focus:set',
  'settings:get',
  'settings:save-focus-rules',
  'settings:save-charter',
  'settings:save-working-time',
  'settings:save-delivery',
  'settings:check-charter',
  'digest:peek',
  'digest:release',
  'inbox:set-state',
  'inbox:set-deadline',
  'backup:respond',
  'settings:restore',
  'journal:pull',
  'inbox:snapshot',
  'journal:ack',
  'sources:list',
  'sources:save',
  'sources:remove',
  'sources:check-now',
  'sources:set-paused',
] as const;

export const EVENT_NAMES = [
  'focus:changed',
  'journal:appended',
  'settings:changed',
  'app:info-changed',
  'digest:changed',
  'digest:released',
  'inbox:notify',
  'inbox:at-risk',
  'backup:requested',
  'sources:changed',
] as const;

/** `true` only when A and B are the same union of names. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/**
 * Fails to compile when a command or event is added to, renamed in or removed from the contract
 * without this list, or listed here without a schema there.
 */
export type NamesMatchContract = [
  Assert<SameNames<(typeof COMMAND_NAMES)[number], keyof typeof contract.commands>>,
  Assert<SameNames<(typeof EVENT_NAMES)[number], keyof typeof contract.events>>,
];
