import * as React from 'react';

/**
 * `value`, once it has stopped changing for `delay` ms. Kept here rather than taken from
 * `@strapi/strapi/admin`, which exports its own only from 5.27 on (README, Compatibility).
 */
export function useDebounce<T>(value: T, delay: number): T {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
