/**
 * StUF Tijdstip (StUF 03.01 §2.5): YYYYMMDDhhmmss[mmm] without offset, so every party reads it as the
 * gemeente's local time (Europe/Amsterdam). The formatter is built once: creating an Intl.DateTimeFormat per
 * message was the largest single CPU cost of a StUF round trip. Within one second the answer is reused.
 */
const AMSTERDAM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

let lastSecond = Number.NaN;
let lastText = '';

/** YYYYMMDDhhmmss, local time */
export function tijdstipSeconden(moment: Date): string {
  const second = Math.floor(moment.getTime() / 1000);
  if (second !== lastSecond) {
    const parts = AMSTERDAM.formatToParts(moment);
    const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
    lastText = `${p('year')}${p('month')}${p('day')}${p('hour')}${p('minute')}${p('second')}`;
    lastSecond = second;
  }
  return lastText;
}

/** YYYYMMDDhhmmssmmm, local time: tijdstipBericht of a message */
export const tijdstipMilliseconden = (moment: Date): string =>
  `${tijdstipSeconden(moment)}${String(moment.getMilliseconds()).padStart(3, '0')}`;
