import { exporterUser, magnetApplication, officer, type ServiceClient } from '@licensing/service-testing';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningService } from './running-service';

// A Monday: 45 working days on, weekends skipped, is Monday 2027-01-25.
const NOW = '2026-11-23T02:00:00.000Z';
const CALENDAR = [
  '# A made-up calendar for this spec: one holiday on the 45th working day.',
  '',
  '2027-01-25 # Monday',
];

describe('the service calendar of public holidays (PUBLIC_HOLIDAYS_FILE)', () => {
  const service = new RunningService();
  const calendarFile = join(service.dataDir, '..', `holidays-${process.pid}.txt`);
  let client: ServiceClient;

  async function accepted(id: string, acceptBody?: unknown): Promise<void> {
    expect((await client.post('/applications', exporterUser, magnetApplication(id))).status).toBe(201);
    expect((await client.post(`/applications/${id}/submit`, exporterUser)).status).toBe(200);
    expect((await client.post(`/applications/${id}/accept`, officer, acceptBody)).status).toBe(200);
  }
  const deadlineOf = async (id: string) => (await client.get(`/applications/${id}`, officer)).body.reviewDeadline;
  const dueIds = async (query: string) => {
    const reply = await client.get(`/work-queues/deadlines-due?${query}`, officer);
    expect(reply.status).toBe(200);
    return reply.body.items.map((item: { id: string }) => item.id);
  };

  beforeAll(async () => {
    writeFileSync(calendarFile, CALENDAR.join('\n'));
    client = await service.start(NOW, { PUBLIC_HOLIDAYS_FILE: calendarFile });
    await accepted('hol-calendar');
    await accepted('hol-own', { holidays: [] });
  });
  afterAll(async () => {
    await service.dispose();
    rmSync(calendarFile, { force: true });
  });

  it("an acceptance that names no holidays runs the review clock on the service's calendar", async () => {
    expect(await deadlineOf('hol-calendar')).toBe('2027-01-26');
    // The request's own list (here: none) wins over the calendar.
    expect(await deadlineOf('hol-own')).toBe('2027-01-25');
  });

  it('deadlines-due skips the holiday: one working day after Friday 2027-01-22 is Tuesday the 26th', async () => {
    expect(await dueIds('asOf=2027-01-22&withinWorkingDays=1')).toEqual(['hol-own', 'hol-calendar']);
    expect(await dueIds('asOf=2027-01-22&withinWorkingDays=0')).toEqual([]);
    // Counting from the holiday itself: the next working day is still the 26th.
    expect(await dueIds('asOf=2027-01-25&withinWorkingDays=1')).toEqual(['hol-own', 'hol-calendar']);
  });

  it('a calendar line that is not a date stops the start, naming the line', async () => {
    writeFileSync(calendarFile, ['2027-01-25', '2027-02-30x'].join('\n'));
    await expect(service.start(NOW, { PUBLIC_HOLIDAYS_FILE: calendarFile })).rejects.toThrow(
      /PUBLIC_HOLIDAYS_FILE .*line 2: "2027-02-30x" is not a date/,
    );
  });
});
