import { useCallback, useEffect, useRef, useState } from 'react';

/** Seconds left until a resend is allowed; `start(n)` restarts the count. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  const timer = useRef<number | null>(null);

  const stop = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };

  const start = useCallback((seconds: number) => {
    stop();
    const end = Date.now() + Math.max(0, seconds) * 1000;
    const tick = () => {
      const rest = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) stop();
    };
    tick();
    timer.current = window.setInterval(tick, 500);
  }, []);

  useEffect(() => stop, []);
  return [left, start];
}
