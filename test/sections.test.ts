// Stage 3, sections: which lines are headings (headingKind) and the section of every line (findSections).
import { describe, expect, it } from 'vitest';
import { compileHeadings, findSections as findSectionsIn, headingKind as headingKindIn, type HeadingTable, type SectionKind } from '../src/text/sections.js';
import { defaultTaxonomy } from '../src/index.js';

// The default lexicon's headings, as the analyzer compiles them (the stage reads no data itself).
const defaults = compileHeadings(defaultTaxonomy.lexicon!.sections as Partial<Record<SectionKind, string[]>>);
const headingKind = (line: string, table: HeadingTable = defaults) => headingKindIn(line, table);
const findSections = (text: string) => findSectionsIn(text, defaults);

describe('headingKind', () => {
  it.each([
    ['PROFESSIONAL EXPERIENCE', 'experience'],
    ['Education', 'education'],
    ['## Certifications', 'certifications'],
    ['Volunteer Work', 'volunteer'],
    ['Summary', 'summary'],
    ['Skills: CPR, BLS', 'skills'], // content on the heading's line
    ['CLINICAL CERTIFICATIONS', 'certifications'], // one qualifying word, in capitals
    ['Relevant Experience:', 'experience'], // ... or with a colon
    ['Expertise, Certification and Training', 'skills'], // a heading that lists headings: the first one's kind
  ])('%j is a heading: %s', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });

  it.each([
    ['education', 'not written as a heading (lower case)'],
    ['Clinical certifications', 'a qualifying word needs capitals or a colon'],
    ['\u2022 Education: taught diabetes classes', 'a bulleted line is content'],
    ['Took vital signs', 'no heading word'],
    ['', 'empty'],
    ['EXPERIENCE'.repeat(9), 'over 80 characters'],
  ])('%j is not a heading (%s)', (line) => {
    expect(headingKind(line)).toBeNull();
  });

  it('reads a custom lexicon\'s headings, and only those', () => {
    const table = compileHeadings({ experience: ['werdegang'], skills: ['kenntnisse'] });
    expect([headingKind('WERDEGANG', table), headingKind('Kenntnisse: Excel', table), headingKind('EXPERIENCE', table)]).toEqual(['experience', 'skills', null]);
  });
});

describe('findSections', () => {
  const text = 'Jane Doe\nSUMMARY\nER tech\n\nSkills: CPR, BLS\nEXPERIENCE\n\u2022 EKGs\n';

  it('gives each section its heading and span; a section ends where the next begins', () => {
    const { sections } = findSections(text);
    expect(sections.map((s) => [s.kind, s.heading, text.slice(s.start, s.end)])).toEqual([
      ['summary', 'SUMMARY', 'SUMMARY\nER tech\n\n'],
      ['skills', 'Skills', 'Skills: CPR, BLS\n'],
      ['experience', 'EXPERIENCE', 'EXPERIENCE\n\u2022 EKGs\n'],
    ]);
    // The heading words end before the content on their line: "CPR, BLS" is searched for skills, "Skills" is not.
    expect(sections.map((s) => text.slice(s.start, s.headingEnd))).toEqual(['SUMMARY', 'Skills', 'EXPERIENCE']);
  });

  it('gives every line its section kind, null before the first heading, and where each line starts', () => {
    const { lineKinds, lineStarts } = findSections(text);
    expect(lineKinds).toEqual([null, 'summary', 'summary', 'summary', 'skills', 'experience', 'experience', 'experience']);
    expect(lineStarts.map((s) => text.slice(s).split('\n')[0])).toEqual(['Jane Doe', 'SUMMARY', 'ER tech', '', 'Skills: CPR, BLS', 'EXPERIENCE', '\u2022 EKGs', '']);
  });

  it('a text without headings has no sections', () => {
    expect(findSections('Took vital signs\nDrew blood')).toEqual({ sections: [], lineKinds: [null, null], lineStarts: [0, 17] });
  });
});
