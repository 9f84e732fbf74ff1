import dayjs from 'dayjs';

export type DashboardRange = '24h' | '7d' | '30d';

export interface RangeWindow {
  from: number;
  bucket: 'hour' | 'day';
  bucketMs: number;
  buckets: number;
  /** Minutes east of UTC, so day buckets start at local midnight. */
  utcOffsetMinutes: number;
}

const hour = 3_600_000;
const day = 24 * hour;

/**
 * The window of a range, aligned to local bucket starts so the query key stays the same between
 * refreshes within a bucket (and the server's buckets line up with the chart's).
 */
export function rangeWindow(range: DashboardRange, now: number = Date.now()): RangeWindow {
  const utcOffsetMinutes = dayjs(now).utcOffset();
  switch (range) {
    case '24h':
      return {
        from: dayjs(now).startOf('hour').subtract(23, 'hour').valueOf(),
        bucket: 'hour',
        bucketMs: hour,
        buckets: 24,
        utcOffsetMinutes,
      };
    case '7d':
    case '30d': {
      const buckets = range === '7d' ? 7 : 30;
      return {
        from: dayjs(now)
          .startOf('day')
          .subtract(buckets - 1, 'day')
          .valueOf(),
        bucket: 'day',
        bucketMs: day,
        buckets,
        utcOffsetMinutes,
      };
    }
  }
}
