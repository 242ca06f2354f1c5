// The signed-in frame shared by the Account Centre and the operator console: a side menu
// on wide screens (collapsing to icons below 992 px) and a drawer behind a menu button on
// phones, a header for actions, and the routed page in the middle.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, Spin, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useIsMobile } from '../hooks/useIsMobile';
import { useI18n } from '../i18n';
import Logo from './Logo';

export type NavItem = Required<MenuProps>['items'][number];

interface Props {
  title: string;
  home: string;
  items: NavItem[];
  headerRight: ReactNode;
  /** Which menu key is active for the current path. */
  selectedKey: (pathname: string) => string;
}

export default function Shell({ title, home, items, headerRight, selectedKey }: Props) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [drawer, setDrawer] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const selected = selectedKey(location.pathname);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      onClick={({ key }) => {
        setDrawer(false);
        if (key.startsWith('/')) navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="gh-skip-link">{t('nav.skipToContent')}</a>
      {!mobile && (
        <Layout.Sider
          theme="light"
          width={224}
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <Link to={home} style={{ display: 'block', padding: '16px 20px' }} aria-label={title}>
            <Logo compact={collapsed} title={title} />
          </Link>
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff', padding: mobile ? '0 8px' : '0 24px', borderBottom: '1px solid #f0f0f0',
            position: 'sticky', top: 0, zIndex: 10, height: 56, lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%', width: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {mobile && (
                <>
                  <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawer(true)} />
                  <Link to={home} aria-label={title}><Logo compact title={title} /></Link>
                </>
              )}
            </Flex>
            <Flex align="center" gap={mobile ? 0 : 8} style={{ marginInlineStart: 'auto' }}>{headerRight}</Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: mobile ? 12 : 24, outline: 'none' }}>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={264}
          title={<Logo title={title} />}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('nav.main')}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
