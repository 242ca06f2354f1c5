import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones and narrow windows. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false || (screens.md === undefined && window.innerWidth < 768);
}
