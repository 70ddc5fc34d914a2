import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playgroundConfigForPerson, playgroundConfigForUser, playgroundCurrentUser, playgroundUserNames, repoPlaygroundConfig } from '../../scripts/lib/playground.js';

const base = readFileSync(repoPlaygroundConfig, 'utf8');
const userNames = (text: string) => [...text.matchAll(/^ {4}name: (.+)$/gm)].map((match) => match[1]);

describe('Playground config for another mock user', () => {
  it('makes the chosen user currentUser and the previous one a listed user', () => {
    const derived = playgroundConfigForUser(base, 'Megan Bowen', 'personal-chat-megan');
    expect(playgroundCurrentUser(derived)).toBe('Megan Bowen');
    expect(derived).toMatch(/^currentUser:\n {2}id: user-id-1\n {2}name: Megan Bowen\n {2}userPrincipleName: meganb@/m);
    expect(derived).toMatch(/aadObjectId: 00000000-0000-0000-0000-0000000000021\n(?: {2}\w+: .*\n)*users:/);
    expect(userNames(derived)).toEqual(['Alex Wilber', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']);
    expect(derived).toMatch(/^personalChat:\n {2}id: personal-chat-megan$/m);
    // Everything else is untouched.
    expect(derived.split('\n').length).toBe(base.split('\n').length);
    expect(derived).toContain('tenantId: ');
    expect(derived).toContain('team:\n  id: team-id');
  });

  it('keeps the file as it is for the current user apart from the personal chat id', () => {
    const current = playgroundCurrentUser(base) as string;
    const derived = playgroundConfigForUser(base, current, 'own-chat');
    expect(derived).toBe(base.replace(/(personalChat:\n {2}id: ).*/, '$1own-chat'));
  });

  it('names the known users when the user does not exist', () => {
    expect(() => playgroundConfigForUser(base, 'Nobody', 'x')).toThrow(/No mock user "Nobody".*Megan Bowen/);
  });
});

describe('Playground mock user names', () => {
  it('lists currentUser first, then the users in file order', () => {
    expect(playgroundUserNames(base)).toEqual(['Alex Wilber', 'Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']);
  });
});

describe('Playground config for someone from another organisation’s demo directory', () => {
  it('signs them in as currentUser in their own tenant, keeping the five mock users', () => {
    const person = { name: 'Dennis Hoekstra', upn: 'dennis.hoekstra@werksaam.example', aadObjectId: 'd4000000-0000-4000-8000-000000000004', tenantId: '5b9f3c7e-2a6d-4f1b-a8e4-7f3a1c5d4404' };
    const derived = playgroundConfigForPerson(base, person, 'personal-chat-dennis');
    expect(playgroundCurrentUser(derived)).toBe('Dennis Hoekstra');
    expect(derived).toMatch(/^currentUser:\n {2}id: user-id-000000000004\n {2}name: "Dennis Hoekstra"\n {2}userPrincipleName: dennis.hoekstra@werksaam.example\n {2}aadObjectId: d4000000-0000-4000-8000-000000000004\n/m);
    expect(derived).toMatch(/^tenantId: 5b9f3c7e-2a6d-4f1b-a8e4-7f3a1c5d4404$/m);
    expect(userNames(derived)).toEqual(['Megan Bowen', 'Adele Vance', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']);
    expect(derived).toMatch(/^personalChat:\n {2}id: personal-chat-dennis$/m);
    expect(derived).not.toContain('aadObjectId: 00000000-0000-0000-0000-0000000000020');
  });
});
