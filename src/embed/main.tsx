import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/index.css';
import { EmbedApp } from './EmbedApp';
import { parseEmbedParams } from './params';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp params={parseEmbedParams(window.location.search)} />
  </StrictMode>,
);
