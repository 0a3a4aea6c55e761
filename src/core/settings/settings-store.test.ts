import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { DEFAULT_CHARTER } from '../../shared/channels';
import { DEFAULT_DELIVERY_POLICY } from '../../shared/delivery';
import { SETTINGS_VERSION, type Settings, settingsSchema } from '../../shared/settings-schema';
import { DEFAULT_WORKING_HOURS } from '../../shared/working-time';
import type { Logger } from '../ports';
import {
  createSettingsStore,
  DEFAULT_FOCUS_SHORTCUT,
  defaultSettings,
  migrateSettings,
  SETTINGS_FILE,
  SETTINGS_MIGRATIONS,
} from './settings-store';

const NOW = Date.UTC(2025, 2, 14, 9, 30);

function setup(dataDir: string) {
  const warnings: string[] = [];
  const infos: string[] = [];
  const logger: Logger = {
    info: (m) => infos.push(m),
    warn: (m) => warnings.push(m),
    error: (m) => warnings.push(m),
  };
  const open = () => createSettingsStore({ dataDir, clock: createFakeClock(NOW), logger });
  return { open, warnings, infos, file: path.join(dataDir, SETTINGS_FILE) };
}

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as unknown;

describe('settings store', () => {
  it('writes the defaults on first start', async () => {
    const dataDir = await tempDir();
    const { open, file, warnings } = setup(dataDir);
    const store = await open();
    expect(store.get()).toEqual(defaultSettings());
    expect(await readJson(file)).toEqual(defaultSettings());
    expect(warnings).toEqual([]);
  });

  it('writes updates atomically: valid JSON on disk, no temp files left, kept across a reopen', async () => {
    const dataDir = await tempDir();
    const { open, file } = setup(dataDir);
    const store = await open();
    const charter = { ...DEFAULT_CHARTER, chat: { hours: 2, clock: 'clock' as const } };
    const updated = await store.update({ charter, timeZone: 'Europe/Berlin' });
    expect(updated.charter.chat).toEqual({ hours: 2, clock: 'clock' });
    expect(await readJson(file)).toEqual(updated);
    expect(await fs.readdir(dataDir)).toEqual([SETTINGS_FILE]);
    expect((await open()).get()).toEqual(updated);
  });

  it('rejects an invalid update and keeps the file as it was', async () => {
    const dataDir = await tempDir();
    const { open, file } = setup(dataDir);
    const store = await open();
    const before = await fs.readFile(file, 'utf8');
    const charter = { ...DEFAULT_CHARTER, email: { hours: -3, clock: 'working' as const } };
    await expect(store.update({ charter })).rejects.toThrow();
    expect(store.get()).toEqual(defaultSettings());
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  it('notifies onChange listeners with the new settings, until they unsubscribe', async () => {
    const { open } = setup(await tempDir());
    const store = await open();
    const heard: Settings[] = [];
    const unsubscribe = store.onChange((s) => heard.push(s));
    await store.update({ timeZone: 'Asia/Tokyo' });
    unsubscribe();
    await store.update({ timeZone: 'America/Chicago' });
    expect(heard.map((s) => s.timeZone)).toEqual(['Asia/Tokyo']);
  });

  describe('an unreadable file is moved aside, never lost', () => {
    const valid = defaultSettings();
    const cases: [string, string][] = [
      ['invalid JSON', '{"version": 1, "charter": '],
      ['a JSON array', '[1, 2, 3]'],
      [
        'valid JSON failing the schema (negative hours)',
        JSON.stringify({ ...valid, charter: { ...valid.charter, chat: { hours: -3, clock: 'working' } } }),
      ],
      ['a file from a future version', JSON.stringify({ ...valid, version: 99, futureField: true })],
      ['an unknown version with no migration', JSON.stringify({ ...valid, version: -1 })],
    ];
    it.each(cases)('%s', async (_label, content) => {
      const dataDir = await tempDir();
      const { open, file, warnings } = setup(dataDir);
      await fs.writeFile(file, content);
      const store = await open();

      const aside = `${file}.corrupt-${NOW}`;
      expect(await fs.readFile(aside, 'utf8')).toBe(content);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(aside);
      expect(store.get()).toEqual(defaultSettings());
      expect(await readJson(file)).toEqual(defaultSettings());
      expect((await fs.readdir(dataDir)).sort()).toEqual([SETTINGS_FILE, path.basename(aside)].sort());
    });
  });

  it('migrates an unversioned file to the current version, keeping the user charter', async () => {
    const dataDir = await tempDir();
    const { open, file, warnings, infos } = setup(dataDir);
    await fs.writeFile(
      file,
      JSON.stringify({
        timeZone: 'Europe/Paris',
        charter: { chat: { hours: 1, clock: 'clock' }, review: { hours: 48, clock: 'working' } },
      }),
    );
    const store = await open();
    const expected = {
      version: SETTINGS_VERSION,
      timeZone: 'Europe/Paris',
      charter: {
        ...DEFAULT_CHARTER,
        chat: { hours: 1, clock: 'clock' },
        review: { hours: 48, clock: 'working' },
      },
      workingHours: DEFAULT_WORKING_HOURS,
      holidays: [],
      focusRules: [],
      focusShortcut: DEFAULT_FOCUS_SHORTCUT,
      delivery: DEFAULT_DELIVERY_POLICY,
      sources: [],
    };
    expect(store.get()).toEqual(expected);
    expect(await readJson(file)).toEqual(expected);
    expect(warnings).toEqual([]);
    expect(infos.some((m) => m.includes('migrated from version 0 to 5'))).toBe(true);
    // A second start finds the current version and leaves the file alone.
    const before = await fs.stat(file);
    await open();
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('migrates a version 1 file to the current version, keeping its charter and adding schedules, hours and delivery', async () => {
    const dataDir = await tempDir();
    const { open, file, infos } = setup(dataDir);
    const charter = { ...DEFAULT_CHARTER, email: { hours: 8, clock: 'clock' as const } };
    await fs.writeFile(file, JSON.stringify({ version: 1, timeZone: 'Asia/Tokyo', charter }));
    const store = await open();
    expect(store.get()).toEqual({ ...defaultSettings(), timeZone: 'Asia/Tokyo', charter });
    expect(infos).toContain('settings migrated from version 1 to 5');
    expect(((await readJson(file)) as Settings).version).toBe(5);
  });

  it('migrates a version 2 file to the current version, keeping its focus rules and adding the delivery policy', async () => {
    const dataDir = await tempDir();
    const { open, file } = setup(dataDir);
    const {
      delivery: _omitted,
      sources: _none,
      ...v2
    } = { ...defaultSettings(), version: 2, focusShortcut: null };
    await fs.writeFile(file, JSON.stringify(v2));
    const store = await open();
    expect(store.get()).toEqual({ ...defaultSettings(), focusShortcut: null });
  });

  it('migrates a version 3 file to the current version with no sources (addSources), keeping the rest', async () => {
    const dataDir = await tempDir();
    const { open, file, infos } = setup(dataDir);
    const { sources: _none, ...v3 } = { ...defaultSettings(), version: 3, timeZone: 'Europe/Berlin' };
    await fs.writeFile(file, JSON.stringify(v3));
    const store = await open();
    expect(store.get()).toEqual({ ...defaultSettings(), timeZone: 'Europe/Berlin' });
    expect(infos).toContain('settings migrated from version 3 to 5');
  });

  it('migrates a version 4 file to version 5 (addAtRiskRemindersAndAliases), keeping its delivery policy', async () => {
    const dataDir = await tempDir();
    const { open, file, infos } = setup(dataDir);
    const {
      atRiskReminders: _a,
      atRiskMinutes: _m,
      aliases: _l,
      ...v4Delivery
    } = {
      ...DEFAULT_DELIVERY_POLICY,
      marginMinutes: 20,
      vips: ['Ana'],
    };
    await fs.writeFile(file, JSON.stringify({ ...defaultSettings(), version: 4, delivery: v4Delivery }));
    const store = await open();
    expect(store.get().delivery).toEqual({
      ...DEFAULT_DELIVERY_POLICY,
      marginMinutes: 20,
      vips: ['Ana'],
      atRiskReminders: true,
      atRiskMinutes: 30,
      aliases: [],
    });
    expect(infos).toContain('settings migrated from version 4 to 5');
    expect(SETTINGS_MIGRATIONS.at(-1)?.name).toBe('addAtRiskRemindersAndAliases');
  });

  it('migrateSettings produces a file the current schema accepts', () => {
    expect(settingsSchema.safeParse(migrateSettings({})).success).toBe(true);
    expect(() => migrateSettings({ version: 0.5 })).toThrow(/no migration/);
  });

  it('keeps every corrupt file when two are moved aside at the same instant', async () => {
    const dataDir = await tempDir();
    const { open, file } = setup(dataDir);
    await fs.writeFile(file, '{ first broken');
    await open();
    await fs.writeFile(file, '{ second broken');
    await open();
    expect(await fs.readFile(`${file}.corrupt-${NOW}`, 'utf8')).toBe('{ first broken');
    expect(await fs.readFile(`${file}.corrupt-${NOW}-1`, 'utf8')).toBe('{ second broken');
  });
});
