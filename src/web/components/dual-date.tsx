import { Fragment } from 'preact';
import { formatDualDate, formatTime } from '../../arabic/dates.ts';
import type { DateStyle } from '../../arabic/dates.ts';

interface DualDateProps {
  date: Date;
  style: DateStyle;
  class?: string;
  /** Also show the time of day after the date, as the article page does. */
  withTime?: boolean;
}

/**
 * A `<time>` showing the Gregorian and Hijri dates together ("الخميس 19 أكتوبر 2023 — 4 ربيع الآخر
 * 1445"), with the time of day as its title and, when asked, in the text as well.
 */
export function DualDate({ date, style, class: className, withTime = false }: DualDateProps) {
  const time = formatTime(date, style);
  // Each calendar's date is kept on one line, so a narrow screen breaks at the dash and never
  // between a Hijri month and its year.
  const parts = formatDualDate(date, style).split(' — ');
  return (
    <time class={className} datetime={date.toISOString()} title={time}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? ' — ' : null}
          <span class="date-part">{part}</span>
        </Fragment>
      ))}
      {withTime ? <span class="time-of-day">، الساعة {time}</span> : null}
    </time>
  );
}
