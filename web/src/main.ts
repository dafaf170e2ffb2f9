import { ChatApp } from './chat-app.ts';

new ChatApp().start();
