/** The Newsroom page (left menu): the snippet list and, under `import`, the import view. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ImportPage } from './ImportPage/ImportPage';
import { SnippetsPage } from './SnippetsPage/SnippetsPage';

const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <Routes>
      <Route index element={<SnippetsPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
