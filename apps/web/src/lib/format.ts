import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** Whole numbers with grouping; large ones compact (12.3K, 1.2万). */
export function formatCount(value: number, language: string, options: { compact?: boolean } = {}) {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US', {
    notation: options.compact === true && Math.abs(value) >= 10_000 ? 'compact' : 'standard',
    maximumFractionDigits: options.compact === true ? 1 : 0,
  }).format(value);
}

export function formatDateTime(epochMs: number | null | undefined): string {
  return epochMs == null ? '—' : dayjs(epochMs).format('YYYY-MM-DD HH:mm:ss');
}

/** "3 minutes ago" / "in 2 hours", in the current dayjs locale. */
export function formatRelative(epochMs: number | null | undefined): string {
  return epochMs == null ? '—' : dayjs(epochMs).fromNow();
}

/** 850 ms, 1.25 s, 2 min 5 s. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 && ratio > 0 ? 1 : 0)}%`;
}
