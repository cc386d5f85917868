// Typed contexts set once in the root layout.
import { createContext } from 'svelte';
import type { Auth } from './auth.svelte.js';
import type { Client as WsClient } from 'graphql-ws';
import type { WebConfig } from './config.js';

export const [getAuth, setAuth] = createContext<Auth>();
export const [getWebConfig, setWebConfig] = createContext<WebConfig>();
export const [getSocket, setSocket] = createContext<WsClient>();
