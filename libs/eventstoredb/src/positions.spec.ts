import { START } from '@eventstore/db-client';
import { positionOf, readAllStart, subscriptionStart, toClientPosition } from './positions';

describe('position mapping', () => {
  it("is twice the client's commit position, which equals the prepare position for gRPC writes", () => {
    expect(positionOf({ commit: 0n, prepare: 0n })).toBe(0n);
    expect(positionOf({ commit: 1234n, prepare: 1234n })).toBe(2468n);
    expect(() => positionOf({ commit: 1300n, prepare: 1234n })).toThrow(/commit 1300 \/ prepare 1234/);
  });

  it('keeps order: later records have strictly greater positions, even one byte apart', () => {
    const records = [0n, 1n, 2n, 150n, 151n, 2n ** 40n];
    const ours = records.map((log) => positionOf({ commit: log, prepare: log }));
    ours.slice(1).forEach((position, i) => expect(position > ours[i]!).toBe(true));
  });

  it('maps our position and the paging position + 1n back to the record they point at or after', () => {
    const event = positionOf({ commit: 1234n, prepare: 1234n });
    expect(toClientPosition(event)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(toClientPosition(event + 1n)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('reads $all inclusively: from an event itself, or from the event before + 1 and dropping that one', () => {
    expect(readAllStart(undefined)).toEqual({ from: START, skipBelow: 0n });
    expect(readAllStart(0n)).toEqual({ from: START, skipBelow: 0n });
    expect(readAllStart(2468n)).toEqual({ from: { commit: 1234n, prepare: 1234n }, skipBelow: 2468n });
    const afterIt = readAllStart(2469n);
    expect(afterIt).toEqual({ from: { commit: 1234n, prepare: 1234n }, skipBelow: 2469n });
    expect(2468n < afterIt.skipBelow).toBe(true);
  });

  it('subscribes from the checkpoint event, or from the start', () => {
    expect(subscriptionStart('start')).toBe(START);
    expect(subscriptionStart(2468n)).toEqual({ commit: 1234n, prepare: 1234n });
  });
});
