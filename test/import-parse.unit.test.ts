import iconv from 'iconv-lite';
import { resolveDistrict, workshopKey } from '../src/modules/import/import.businesses';
import { normaliseHeader } from '../src/modules/import/import.columns';
import { ImportFileRefusal, decodeText, parseCsv, sniffFormat } from '../src/modules/import/import.parse';

const DISTRICTS = [
  { code: '511102', name: '市中区' },
  { code: '511112', name: '五通桥区' },
  { code: '511181', name: '峨眉山市' },
];

describe('CSV text', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 with BOM, GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF名称', 'utf8'))).toEqual({ text: '名称', encoding: 'UTF-8 (BOM)' });
    expect(decodeText(Buffer.from('名称', 'utf8'))).toEqual({ text: '名称', encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称', 'utf16le')]))).toEqual({ text: '名称', encoding: 'UTF-16' });
    // 乐山 in GB18030 is C0 D6 C9 BD (written by hand from the code table).
    expect(decodeText(Buffer.from([0xc0, 0xd6, 0xc9, 0xbd]))).toEqual({ text: '乐山', encoding: 'GB18030' });
    expect(decodeText(iconv.encode('峨眉山市,13812341234', 'gb18030')).text).toBe('峨眉山市,13812341234');
  });

  it('parses quoted fields with commas, doubled quotes and line breaks; reports the line of a quote left open', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,,""\n\n', 100)).toEqual({ rows: [['a', 'b, c', 'say "hi"', 'two\nlines'], ['x', '', '']], rowNumbers: [1, 3] });
    expect(() => parseCsv('a,b\n"open,c\nd,e\n', 100)).toThrow(ImportFileRefusal);
    try {
      parseCsv('a,b\n"open,c\nd,e\n', 100);
    } catch (e) {
      expect((e as ImportFileRefusal).messageZh).toBe('CSV 第 2 行开始的引号没有闭合');
    }
    expect(parseCsv('名称\t区县\n店\t市中区\n', 100).rows).toEqual([['名称', '区县'], ['店', '市中区']]);
  });

  it('recognises formats by content', () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('XLSX');
    expect(sniffFormat(Buffer.from('名称,区县\n', 'utf8'))).toBe('CSV');
    expect(() => sniffFormat(Buffer.from('%PDF-1.4'))).toThrow(/PDF/);
  });
});

describe('headers and coded values', () => {
  it('compares headers loosely', () => {
    expect(normaliseHeader(' 名称* ')).toBe('名称');
    expect(normaliseHeader('Contact Phone')).toBe('contactphone');
    expect(normaliseHeader('法定代表人／经营者')).toBe('法定代表人/经营者');
  });
  it('finds districts by code, name or unambiguous short name', () => {
    expect(resolveDistrict('511102', DISTRICTS)).toBe('511102');
    expect(resolveDistrict('511199', DISTRICTS)).toBeNull();
    expect(resolveDistrict('峨眉山市', DISTRICTS)).toBe('511181');
    expect(resolveDistrict('五通桥', DISTRICTS)).toBe('511112');
    expect(resolveDistrict('乐山', DISTRICTS)).toBeNull();
  });
  it('matches workshops whatever the spacing and width of their name and address', () => {
    expect(workshopKey('无名 作坊', '竹根镇 某巷', '511112')).toBe(workshopKey('无名作坊', '竹根镇某巷', '511112'));
    expect(workshopKey('无名作坊', '竹根镇某巷', '511112')).not.toBe(workshopKey('无名作坊', '竹根镇某巷', '511102'));
  });
});
