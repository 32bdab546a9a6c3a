import { formatAnnouncementNumber, formatInstant, formatLegalDate, formatNumber, formatQuantity } from './formats';

describe('how the console writes dates, numbers and announcements', () => {
  it('writes a legal date as the calendar day it is in China, in each language', () => {
    expect(formatLegalDate('2026-11-10', 'en')).toBe('10 November 2026');
    expect(formatLegalDate('2026-11-10', 'zh')).toBe('2026年11月10日');
  });

  it('writes an instant in China Standard Time and says so', () => {
    // 16:30 UTC on 9 November is half past midnight on 10 November in Beijing.
    expect(formatInstant('2026-11-09T16:30:00Z', 'en')).toBe('10/11/2026, 00:30:00 CST (UTC+8)');
    expect(formatInstant('2026-11-09T16:30:00Z', 'zh')).toBe('2026/11/10 00:30:00 北京时间 (UTC+8)');
  });

  it('groups digits for the reader and names units in their language', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatQuantity('1250.125', 'kg', 'en')).toBe('1,250.125 kg');
    expect(formatQuantity(1250, 'kg', 'zh')).toBe('1,250 千克');
  });

  it('writes announcement numbers as the ministry does', () => {
    expect(formatAnnouncementNumber('MOFCOM', 'No. 70 of 2025', 'zh')).toBe('商务部公告2025年第70号');
    expect(formatAnnouncementNumber('MOFCOM', 'No. 70 of 2025', 'en')).toBe('MOFCOM Announcement No. 70 of 2025');
    expect(formatAnnouncementNumber('MOFCOM/GAC', 'No. 18 of 2025', 'zh')).toBe('商务部 海关总署公告2025年第18号');
    expect(formatAnnouncementNumber('State Council', 'State Council Order No. 792', 'zh')).toBe('国务院令第792号');
    expect(formatAnnouncementNumber('NPC Standing Committee', 'Export Control Law', 'en')).toBe('Export Control Law');
  });
});
