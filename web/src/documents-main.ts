import { DocumentsApp } from './documents/documents-app.ts';

new DocumentsApp().start();
