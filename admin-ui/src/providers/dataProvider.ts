import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './httpClient';

/** The stock simple-rest provider: the API follows its contract (DESIGN.md §4). */
export const dataProvider = simpleRestProvider(API_URL, httpClient);
