/** Telling an organisation's name from a person's (bylines, JSON-LD author types). */
import { describe, expect, test } from 'vitest';
import { hasOrganisationWord, isOrganisationName } from '../../../src/core/text/organisations.ts';

describe('isOrganisationName', () => {
  test('returns true for organisations and false for people', () => {
    expect(isOrganisationName('CIC International Affairs')).toBe(true);
    expect(isOrganisationName('BBC News')).toBe(true);
    expect(isOrganisationName('Metro Desk')).toBe(true);
    expect(isOrganisationName('Jane Doe')).toBe(false);
  });

  test('returns true for a name that opens with an acronym, even without an outlet word', () => {
    expect(isOrganisationName('NASA')).toBe(true);
    expect(isOrganisationName('UNHCR Geneva')).toBe(true);
  });

  test('returns false for people whose names hold capitals, apostrophes or outlet words inside longer words', () => {
    expect(isOrganisationName('Seán O’Neill')).toBe(false);
    expect(isOrganisationName('Mary McPress')).toBe(false);
    expect(isOrganisationName('Anna Newsome')).toBe(false);
    expect(isOrganisationName('A Smith')).toBe(false);
  });
});

describe('hasOrganisationWord', () => {
  test('returns true for a text holding an outlet word, in any case', () => {
    expect(hasOrganisationWord('Reuters')).toBe(true);
    expect(hasOrganisationWord('THE DAILY STAR')).toBe(true);
    expect(hasOrganisationWord('Kabul bureau')).toBe(true);
    expect(hasOrganisationWord('Associated Press')).toBe(true);
    expect(hasOrganisationWord('Jane Doe, AP')).toBe(true);
    expect(hasOrganisationWord('Staff reporter')).toBe(true);
    expect(hasOrganisationWord('Channel 4 TV')).toBe(true);
  });

  test('returns false when the outlet word is only part of a longer word', () => {
    expect(hasOrganisationWord('Newsweek')).toBe(false);
    expect(hasOrganisationWord('Captain Posterity')).toBe(false);
    expect(hasOrganisationWord('Pressley')).toBe(false);
    expect(hasOrganisationWord('Timeshare')).toBe(false);
  });

  test('returns false for a person or a text without any outlet word', () => {
    expect(hasOrganisationWord('Jane Doe')).toBe(false);
    expect(hasOrganisationWord('Amir Khan Muttaqi')).toBe(false);
    expect(hasOrganisationWord('')).toBe(false);
  });

  test('unlike isOrganisationName, returns false for a leading acronym that is no outlet word', () => {
    expect(hasOrganisationWord('NASA')).toBe(false);
    expect(isOrganisationName('NASA')).toBe(true);
  });
});
