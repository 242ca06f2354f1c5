import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { I18nProvider } from './i18n';
import AppRoutes from './routes';
import { StepUpProvider } from './stepup/StepUpProvider';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AntApp>
        <StepUpProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </StepUpProvider>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);
