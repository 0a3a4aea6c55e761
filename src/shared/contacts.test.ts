import { describe, expect, it } from 'vitest';
import { aliasListSchema, identityResolver, normaliseIdentity } from './contacts';

describe('contacts', () => {
  it('normalises handles and addresses: case, spaces, a leading @ or mailto:, full-width letters', () => {
    expect(normaliseIdentity('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(normaliseIdentity('mailto:ana@example.com')).toBe('ana@example.com');
    expect(normaliseIdentity('@Ana')).toBe('ana');
    expect(normaliseIdentity('ＡＮＡ')).toBe('ana');
  });

  it('names a person by handle first, else by name; an email stays distinct from a chat handle', () => {
    const people = identityResolver([]);
    expect(people.personOf({ name: 'Ana Lima', handle: '@Ana' })).toBe('ana');
    expect(people.personOf({ name: 'Ana Lima' })).toBe('ana lima');
    expect(people.personOf({ name: 'Ana', handle: 'ana@example.com' })).not.toBe(
      people.personOf({ name: 'Ana', handle: '@ana' }),
    );
    expect(people.personOf(undefined)).toBeNull();
  });

  it('joins one person’s handles and addresses through the alias list', () => {
    const people = identityResolver([['ana@example.com', '@ana', 'Ana Lima']]);
    const chat = people.personOf({ name: 'Ana', handle: 'ANA' });
    expect(chat).toBe(people.personOf({ name: 'A. Lima', handle: 'Ana@example.com' }));
    expect(chat).toBe(people.personOf({ name: 'Ana Lima' }));
    // A display name does not identify where a handle does: another "Ana Lima" is someone else.
    expect(people.personOf({ name: 'Ana Lima', handle: '@ana.k' })).toBe('ana.k');
    expect(people.resolve('@ana')).toBe(chat);
    expect(people.personOf({ name: 'Bo', handle: 'bo' })).toBe('bo');
  });

  it('refuses an alias list where a handle belongs to two people or one is listed twice', () => {
    expect(aliasListSchema.safeParse([['a@x.org', '@a']]).success).toBe(true);
    const twice = aliasListSchema.safeParse([
      ['a@x.org', '@a'],
      ['A@X.org', '@b'],
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('A@X.org already belongs to another person');
    expect(aliasListSchema.safeParse([['@a', 'A']]).error?.issues[0]?.message).toBe('A is listed twice');
    expect(aliasListSchema.safeParse([['@a']]).success).toBe(false);
  });
});
