import { describe, expect, it } from 'vitest';
import { SlotAlarm } from '../../src/delivery/alarm.js';

describe('the alarm for paced messages', () => {
  it('rings at every turn it was given, not only the earliest, and not after it is stopped', async () => {
    const rung: number[] = [];
    const alarm = new SlotAlarm((moment) => rung.push(moment));
    const start = Date.now();
    const turns = [start + 450, start + 150, start + 300];
    for (const turn of turns) alarm.at(new Date(turn));
    alarm.at(new Date(start + 1200));
    await new Promise((resolve) => setTimeout(resolve, 700));
    // Each turn rang by itself (the timer fires at or after it), earliest first.
    expect(rung).toEqual([start + 150, start + 300, start + 450]);
    alarm.stop();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(rung).toHaveLength(3);
  });

  it('rings a turn once when its timer fires a moment before the wall clock says the turn has come', async () => {
    const rung: number[] = [];
    // Node's timers keep their own clock: the wall clock may still be a little short of the turn.
    const lagging = () => Date.now() - 5;
    const alarm = new SlotAlarm((moment) => rung.push(moment), 10, lagging);
    const turn = lagging() + 20;
    alarm.at(new Date(turn));
    await new Promise((resolve) => setTimeout(resolve, 120));
    alarm.stop();
    expect(rung).toEqual([turn]);
  });

  it('leaves turns beyond its bound to the worker’s poll', async () => {
    const rung: number[] = [];
    const alarm = new SlotAlarm((moment) => rung.push(moment), 2);
    const start = Date.now();
    for (const offset of [10, 20, 30]) alarm.at(new Date(start + offset));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rung).toEqual([start + 10, start + 20]);
  });
});
