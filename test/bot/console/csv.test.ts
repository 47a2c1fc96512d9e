/** CSV cells: quoting per RFC 4180 and formula-injection guards, checked cell by cell. */
import { runInNewContext } from 'node:vm';
import { csvCell, toCsv } from '../../../bot/console/csv';

describe('csvCell', () => {
  it.each([
    ['plain text', 'plain text'],
    ['=1+1', "'=1+1"],
    ['+923001234567', "'+923001234567"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=A1,"x"', `"'=A1,""x"""`],
    [' leading space', '" leading space"'],
  ])('writes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves numbers (even negative ones) and empty values alone', () => {
    expect([csvCell(-3), csvCell(42), csvCell(null), csvCell(undefined), csvCell(true)]).toEqual(['-3', '42', '', '', 'true']);
  });

  it('writes dates as ISO instants', () => {
    expect(csvCell(new Date('2020-04-01T10:00:00Z'))).toBe('2020-04-01T10:00:00.000Z');
  });

  it('writes a date made in another JavaScript realm (a database driver loaded elsewhere) as an ISO instant too', () => {
    const foreign = runInNewContext("new Date('2020-04-01T10:00:00Z')") as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(csvCell(foreign)).toBe('2020-04-01T10:00:00.000Z');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x', 1]])).toBe('\uFEFFa,b\r\nx,1\r\n');
  });
});
