/** A `?next=` target that stays inside the app (no `//evil.example`, no `/login` loop). */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/dashboard';
  }
  if (next === '/login' || next.startsWith('/login?')) return '/dashboard';
  return next;
}
