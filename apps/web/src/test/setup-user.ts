import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

/**
 * user-event without per-keystroke timers and without its pointer-events check, which calls
 * jsdom's slow getComputedStyle over antd's many style rules on every pointer event.
 */
export function setupUser() {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}
