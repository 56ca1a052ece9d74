import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellText } from './cells.js';
import { csvCellText, csvFile, csvLines } from './csv.js';

describe('the CSV writer', () => {
  it('never writes a cell that starts with what a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("x")', '+33 1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCellText(formula)).toBe(`'${formula}`);
    expect(csvCellText('Amina')).toBe('Amina');
    expect(csvCellText(-3)).toBe("'-3");
    expect(csvCellText(null)).toBe('');
    expect(csvCellText(undefined)).toBe('');
    expect(csvCellText(true)).toBe('true');
  });

  it('quotes what needs quoting, starts files with a byte-order mark, and reads back as the importers read it', () => {
    const rows = [['=HYPERLINK("http://x","y")', 'a,b', 'line\nbreak', 'Zoë', null]];
    const file = csvFile(['name', 'org', 'note', 'city', 'empty'], rows);
    expect(file.startsWith('\ufeffname,org,note,city,empty\n')).toBe(true);
    const parsed = parse(file.slice(1)) as string[][];
    expect(parsed[1]).toEqual(['\'=HYPERLINK("http://x","y")', 'a,b', 'line\nbreak', 'Zoë', '']);
    expect(parsed[1]!.map((cell) => cellText(cell))[0]).toBe('=HYPERLINK("http://x","y")');
    expect(csvLines([['x', 1]])).toBe('x,1\n');
  });
});
